//! A TCP proxy that stands for the network between two nodes and breaks it
//! the ways real networks break: delays, a slow link, dropped and reset
//! connections, half-open connections and partitions. The fault can be
//! changed while connections are open; it applies to them at once.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// What the link does to the bytes and connections through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Bytes pass as they come.
    Pass,
    /// Every chunk of bytes arrives this much later, in order, both ways.
    Delay(Duration),
    /// At most this many bytes per second pass each way.
    Slow(u64),
    /// Each chunk has a one-in-`n` chance of dropping its whole connection
    /// (both ends closed at once, without a word): connections drop.
    Drop(u32),
    /// Each connection is reset (a TCP RST, as a crashed middlebox sends)
    /// once this many bytes have passed from the caller: calls cut midway.
    ResetAfter(u64),
    /// New connections are accepted and what they send is read, but
    /// nothing is passed on and nothing comes back, and they are never
    /// closed: a peer that died without closing. Open connections go on.
    HalfOpen,
    /// Nothing passes either way on any connection, open or new, and
    /// nothing is closed: packets are lost until the partition ends, when
    /// what was held passes (TCP would retransmit it).
    Partition,
}

/// A running proxy: connections to [`FaultyLink::addr`] are passed to the
/// target under the fault in force.
#[derive(Debug)]
pub struct FaultyLink {
    addr: SocketAddr,
    target: Arc<std::sync::Mutex<Option<SocketAddr>>>,
    fault: watch::Sender<Fault>,
    cut: watch::Sender<u64>,
    stats: Arc<Stats>,
    task: tokio::task::JoinHandle<()>,
}

/// What went through the link.
#[derive(Debug, Default)]
pub struct Stats {
    pub connections: AtomicU64,
    pub bytes_up: AtomicU64,
    pub bytes_down: AtomicU64,
    pub resets: AtomicU64,
    pub drops: AtomicU64,
}

impl FaultyLink {
    /// Starts a proxy on a loopback port of its own, aimed at nothing yet
    /// ([`FaultyLink::aim`]): until then it refuses what it accepts.
    pub async fn start() -> FaultyLink {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("loopback port");
        let addr = listener.local_addr().expect("bound");
        let (fault, faults) = watch::channel(Fault::Pass);
        let (cut, cuts) = watch::channel(0u64);
        let target: Arc<std::sync::Mutex<Option<SocketAddr>>> = Arc::default();
        let aimed = target.clone();
        let stats = Arc::new(Stats::default());
        let shared = stats.clone();
        let task = tokio::spawn(async move {
            let mut seed = 0x9e37_79b9_7f4a_7c15u64;
            loop {
                let Ok((caller, _)) = listener.accept().await else {
                    continue;
                };
                shared.connections.fetch_add(1, Ordering::SeqCst);
                seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let Some(target) = *aimed.lock().unwrap_or_else(|p| p.into_inner()) else {
                    continue;
                };
                let faults = faults.clone();
                let cuts = cuts.clone();
                let stats = shared.clone();
                tokio::spawn(connection(caller, target, (faults, cuts), stats, seed));
            }
        });
        FaultyLink {
            addr,
            target,
            fault,
            cut,
            stats,
            task,
        }
    }

    /// Where the proxy connects: the node behind it.
    pub fn aim(&self, target: SocketAddr) {
        *self.target.lock().unwrap_or_else(|p| p.into_inner()) = Some(target);
    }

    /// The address callers connect to.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Resets every open connection (a RST both ways), as a middlebox that
    /// restarts does; new ones go on under the fault in force.
    pub fn cut(&self) {
        self.cut.send_modify(|n| *n += 1);
    }

    /// Changes the fault, for open connections as well as new ones.
    pub fn set(&self, fault: Fault) {
        self.fault.send_replace(fault);
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }
}

impl Drop for FaultyLink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A small deterministic generator (splitmix64).
struct Random(u64);

impl Random {
    fn one_in(&mut self, n: u32) -> bool {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        n > 0 && z.is_multiple_of(u64::from(n))
    }
}

async fn connection(
    caller: TcpStream,
    target: SocketAddr,
    (faults, mut cuts): (watch::Receiver<Fault>, watch::Receiver<u64>),
    stats: Arc<Stats>,
    seed: u64,
) {
    cuts.mark_unchanged();
    let fault = *faults.borrow();
    if matches!(fault, Fault::HalfOpen | Fault::Partition)
        && !wait_for_passage(&caller, faults.clone()).await
    {
        return;
    }
    let Ok(callee) = TcpStream::connect(target).await else {
        return;
    };
    // Dropping a socket now resets it (RST) rather than closing it (FIN):
    // a reset is the end that matters here, and a proxy in the middle of a
    // real network that fails ends its connections that way too.
    for stream in [&caller, &callee] {
        let _ = stream.set_nodelay(true);
        let _ = stream.set_zero_linger();
    }
    let (reset_tx, mut reset_rx) = tokio::sync::mpsc::channel::<()>(1);
    let (caller_read, caller_write) = caller.into_split();
    let (callee_read, callee_write) = callee.into_split();
    let mut loops = tokio::task::JoinSet::new();
    for (from, to, up, salt) in [
        (caller_read, callee_write, true, 0),
        (callee_read, caller_write, false, 0xdead_beef),
    ] {
        let (chunks_tx, chunks_rx) = tokio::sync::mpsc::unbounded_channel();
        loops.spawn(read_loop(
            from,
            chunks_tx,
            faults.clone(),
            stats.clone(),
            up,
            reset_tx.clone(),
            Random(seed ^ salt),
        ));
        loops.spawn(write_loop(chunks_rx, to, faults.clone(), stats.clone(), up));
    }
    drop(reset_tx);
    tokio::select! {
        // Every loop ended: both sides closed.
        _ = async { while loops.join_next().await.is_some() {} } => {}
        // Reset: the loops are aborted and their sockets dropped (RST).
        Some(()) = reset_rx.recv() => loops.abort_all(),
        _ = cuts.changed() => {
            stats.resets.fetch_add(1, Ordering::SeqCst);
            loops.abort_all();
        }
    }
}

/// For a connection accepted while the link is half-open or partitioned:
/// in a partition, waits for it to end (what the caller sent is held by
/// its socket and passes then) and returns true; half-open, reads and
/// drops what arrives, answers nothing and never returns until the caller
/// goes away (false).
async fn wait_for_passage(caller: &TcpStream, mut faults: watch::Receiver<Fault>) -> bool {
    loop {
        let fault = *faults.borrow_and_update();
        match fault {
            Fault::HalfOpen => {
                let mut buf = [0u8; 16 * 1024];
                loop {
                    if caller.readable().await.is_err() {
                        return false;
                    }
                    match caller.try_read(&mut buf) {
                        Ok(0) => return false,
                        Ok(_) => {}
                        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                        Err(_) => return false,
                    }
                }
            }
            Fault::Partition => {
                if faults.changed().await.is_err() {
                    return false;
                }
            }
            _ => return true,
        }
    }
}

/// A chunk of bytes in the network, and when it may arrive.
type Chunk = (tokio::time::Instant, Vec<u8>);

/// Reads one direction's bytes under the faults and hands them on, each
/// with the time it may arrive; asks for a reset when the fault drops or
/// resets the connection.
async fn read_loop(
    mut from: tokio::net::tcp::OwnedReadHalf,
    chunks: tokio::sync::mpsc::UnboundedSender<Chunk>,
    mut faults: watch::Receiver<Fault>,
    stats: Arc<Stats>,
    up: bool,
    reset: tokio::sync::mpsc::Sender<()>,
    mut random: Random,
) {
    let mut buf = vec![0u8; 16 * 1024];
    let mut passed = 0u64;
    loop {
        // A partition holds everything: nothing is read until it ends.
        while *faults.borrow_and_update() == Fault::Partition {
            if faults.changed().await.is_err() {
                return;
            }
        }
        let n = tokio::select! {
            read = from.read(&mut buf) => match read {
                Ok(0) | Err(_) => return,
                Ok(n) => n,
            },
            changed = faults.changed() => {
                if changed.is_err() {
                    return;
                }
                continue;
            }
        };
        let fault = *faults.borrow();
        let mut due = tokio::time::Instant::now();
        match fault {
            Fault::Drop(one_in) if random.one_in(one_in) => {
                stats.drops.fetch_add(1, Ordering::SeqCst);
                let _ = reset.try_send(());
                return;
            }
            Fault::ResetAfter(limit) if up && passed + n as u64 > limit => {
                stats.resets.fetch_add(1, Ordering::SeqCst);
                let _ = reset.try_send(());
                return;
            }
            Fault::Delay(delay) => due += delay,
            _ => {}
        }
        passed += n as u64;
        if chunks.send((due, buf[..n].to_vec())).is_err() {
            return;
        }
    }
}

/// Writes one direction's chunks when they may arrive, at the slow link's
/// rate, holding them through a partition; closes the direction (FIN)
/// once the reader has seen it closed and everything passed.
async fn write_loop(
    mut chunks: tokio::sync::mpsc::UnboundedReceiver<Chunk>,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    mut faults: watch::Receiver<Fault>,
    stats: Arc<Stats>,
    up: bool,
) {
    while let Some((due, bytes)) = chunks.recv().await {
        tokio::time::sleep_until(due).await;
        while *faults.borrow_and_update() == Fault::Partition {
            if faults.changed().await.is_err() {
                return;
            }
        }
        let fault = *faults.borrow();
        if let Fault::Slow(per_second) = fault {
            let secs = bytes.len() as f64 / per_second.max(1) as f64;
            tokio::time::sleep(Duration::from_secs_f64(secs)).await;
        }
        if to.write_all(&bytes).await.is_err() {
            return;
        }
        let counter = if up {
            &stats.bytes_up
        } else {
            &stats.bytes_down
        };
        counter.fetch_add(bytes.len() as u64, Ordering::SeqCst);
    }
    let _ = to.shutdown().await;
}
