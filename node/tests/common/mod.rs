//! What the process tests share: a `liaison-node run` child process that
//! can be started, killed with SIGKILL and started again.

// Test helpers may panic on anything unexpected; not every test uses every
// helper.
#![allow(clippy::unwrap_used, dead_code)]

use std::path::PathBuf;
use std::time::Duration;

use liaison_proto::auth::BearerToken;
use tokio::io::AsyncBufReadExt;
use tokio::process::{Child, Command};
use tonic::transport::{Channel, Endpoint};

/// Runs `liaison-node` with `args`, then each flag of `paths` with its
/// path, and returns what it printed.
pub fn node(args: &[&str], paths: &[(&str, &std::path::Path)]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_liaison-node"));
    command.args(args);
    for (flag, path) in paths {
        command.arg(flag).arg(path);
    }
    command.output().unwrap()
}

/// One node process and what is needed to restart it.
pub struct NodeProcess {
    pub config: PathBuf,
    /// The node's directory (its `tokens/`).
    pub dir: PathBuf,
    pub child: Option<Child>,
    /// The local API's address.
    pub local: String,
    /// Environment variables the process starts with (a fake clock's).
    pub env: Vec<(String, String)>,
    /// Every line the process logged, across restarts.
    pub log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl NodeProcess {
    /// Starts the node `plan` describes, as a process of its own: its
    /// reserved ports are handed over as the process binds them.
    pub async fn launch(plan: liaison_node::devnet::PlannedNode) -> NodeProcess {
        NodeProcess::launch_with(plan, Vec::new()).await
    }

    /// [`NodeProcess::launch`] with more environment variables.
    pub async fn launch_with(
        plan: liaison_node::devnet::PlannedNode,
        env: Vec<(String, String)>,
    ) -> NodeProcess {
        let local = plan.listeners.local.local_addr().unwrap().to_string();
        // The ports stay reserved until the process takes them over.
        drop(plan.listeners);
        let mut node = NodeProcess {
            config: plan.node.config_path.clone(),
            dir: plan.node.dir.clone(),
            child: None,
            local,
            env,
            log: Default::default(),
        };
        node.start().await;
        node
    }

    /// Starts the node and waits until it says it is serving.
    pub async fn start(&mut self) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
            .arg("run")
            .arg("--config")
            .arg(&self.config)
            .env("RUST_LOG", "info")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stderr(std::process::Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let (ready_tx, ready_rx) = tokio::sync::oneshot::channel::<Result<(), String>>();
        let log = self.log.clone();
        tokio::spawn(async move {
            let mut ready = Some(ready_tx);
            let mut seen = Vec::new();
            // Keep draining the pipe so the node never blocks on logging.
            while let Ok(Some(line)) = lines.next_line().await {
                log.lock().unwrap().push(line.clone());
                if line.contains("node started") {
                    if let Some(tx) = ready.take() {
                        let _ = tx.send(Ok(()));
                    }
                } else if ready.is_some() {
                    seen.push(line);
                }
            }
            if let Some(tx) = ready.take() {
                let _ = tx.send(Err(seen.join("\n")));
            }
        });
        match tokio::time::timeout(Duration::from_secs(30), ready_rx).await {
            Ok(Ok(Ok(()))) => {}
            other => panic!("node {} did not start: {other:?}", self.config.display()),
        }
        self.child = Some(child);
    }

    pub async fn kill(&mut self) {
        let mut child = self.child.take().unwrap();
        child.start_kill().unwrap(); // SIGKILL
        child.wait().await.unwrap();
    }

    /// Whether a line the process logged contains `text`.
    pub fn logged(&self, text: &str) -> bool {
        self.log
            .lock()
            .unwrap()
            .iter()
            .any(|line| line.contains(text))
    }

    pub fn channel(&self) -> Channel {
        Endpoint::from_shared(format!("http://{}", self.local))
            .unwrap()
            .connect_lazy()
    }

    pub fn token(&self, user: &str) -> BearerToken {
        let path = self.dir.join(format!("tokens/{user}.token"));
        BearerToken::new(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    pub fn config(&self) -> liaison_node::Config {
        liaison_node::Config::load(&self.config).unwrap()
    }
}
