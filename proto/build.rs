//! Compiles `liaison/v1/*.proto` with `protox` (pure Rust, no `protoc`) and
//! generates prost messages and tonic clients and servers from them. The
//! encoded file descriptor set is kept for gRPC server reflection.
//!
//! Clients and servers are generated in two passes. Messages and clients
//! use prost's codec. Servers (written to `OUT_DIR/server/`, referring to
//! the messages of the first pass) use `codec::ServerCodec`, which marks a
//! request that is not valid protobuf so that the node can tell that refusal
//! apart from any status a handler returns.

use std::path::PathBuf;

const PROTOS: &[&str] = &[
    "liaison/v1/exchange.proto",
    "liaison/v1/federation.proto",
    "liaison/v1/focal_point.proto",
    "liaison/v1/agency.proto",
    "liaison/v1/policy.proto",
    "liaison/v1/admin.proto",
    "liaison/v1/audit.proto",
    "liaison/v1/account.proto",
    "liaison/v1/users.proto",
    "liaison/v1/evidence.proto",
    "liaison/v1/hits.proto",
];

const BENCH_PROTO: &str = "liaison/bench/v1/bench.proto";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for proto in PROTOS {
        println!("cargo:rerun-if-changed={proto}");
    }
    let fds = protox::compile(PROTOS, ["."])?;
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(
        out_dir.join("liaison_descriptor.bin"),
        prost::Message::encode_to_vec(&fds),
    )?;
    tonic_prost_build::configure()
        .build_server(false)
        .compile_fds(fds.clone())?;
    let servers = out_dir.join("server");
    std::fs::create_dir_all(&servers)?;
    tonic_prost_build::configure()
        .build_client(false)
        .extern_path(".liaison.v1", "crate::pb")
        .codec_path("crate::codec::ServerCodec")
        .out_dir(&servers)
        .compile_fds(fds)?;
    // The benchmark's service is generated apart, so that reflection on a
    // real node never lists it.
    println!("cargo:rerun-if-changed={BENCH_PROTO}");
    tonic_prost_build::configure().compile_fds(protox::compile([BENCH_PROTO], ["."])?)?;
    Ok(())
}
