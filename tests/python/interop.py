"""Talks to running Liaison nodes from Python with grpcio, using code that
grpcio-tools generates from proto/ at start: the requesting country's focal
point submits a phone check, the answering country's police answers it
through its own node, and the focal point reads the signed answer back.

    python interop.py --proto-dir proto --asker 127.0.0.1:7401 \
        --asker-token-file F --answerer 127.0.0.1:7404 \
        --answerer-token-file G --to KHM

Against nodes serving their local API over TLS (`[local_tls]`), give each
node's local CA certificate (`--asker-ca`, `--answerer-ca`); an agency
system with a client certificate gives it and its key (`--answerer-cert`,
`--answerer-key`) and may then leave out its token file. Over TLS the
script also checks health and lists the services by server reflection, as
grpcurl-style tools do, with raw protobuf bytes (no extra package).

Prints `interop ok <request id>` and exits 0 on success; any unexpected
reply raises, and the exit status is non-zero.
"""

import argparse
import importlib
import pathlib
import sys
import tempfile
import time

import grpc
from grpc_tools import protoc

PROTOS = [
    "liaison/v1/exchange.proto",
    "liaison/v1/policy.proto",
    "liaison/v1/focal_point.proto",
    "liaison/v1/agency.proto",
]

# How long any one step may take.
PATIENCE = 20.0


def generate(proto_dir: pathlib.Path, out: pathlib.Path) -> None:
    """Generates the messages and stubs with grpcio-tools (no protoc)."""
    include = pathlib.Path(protoc.__file__).parent / "_proto"
    for proto in PROTOS:
        status = protoc.main(
            [
                "grpc_tools.protoc",
                f"-I{proto_dir}",
                f"-I{include}",
                f"--python_out={out}",
                f"--grpc_python_out={out}",
                str(proto_dir / proto),
            ]
        )
        if status != 0:
            raise SystemExit(f"grpcio-tools could not compile {proto}")
    sys.path.insert(0, str(out))


def token(path) -> list:
    if path is None:
        return []
    value = pathlib.Path(path).read_text().strip()
    return [("authorization", f"Bearer {value}")]


def channel(target: str, ca, cert, key):
    """A plain channel, or TLS trusting `ca` and presenting `cert` if given."""
    if ca is None:
        if cert is not None:
            raise SystemExit("a client certificate needs TLS: give the CA too")
        return grpc.insecure_channel(target)
    read = lambda path: pathlib.Path(path).read_bytes() if path else None
    credentials = grpc.ssl_channel_credentials(
        root_certificates=read(ca), private_key=read(key), certificate_chain=read(cert)
    )
    return grpc.secure_channel(target, credentials)


def check_standard_services(connection) -> None:
    """Health says SERVING, and reflection lists the Liaison services, over
    the same connection, with hand-encoded protobuf."""
    check = connection.unary_unary(
        "/grpc.health.v1.Health/Check",
        request_serializer=lambda raw: raw,
        response_deserializer=lambda raw: raw,
    )
    # HealthCheckResponse { status: SERVING (1) }
    assert check(b"", timeout=PATIENCE) == b"\x08\x01"
    reflect = connection.stream_stream(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=lambda raw: raw,
        response_deserializer=lambda raw: raw,
    )
    # ServerReflectionRequest { list_services: "" } (field 7)
    answers = list(reflect(iter([b"\x3a\x00"]), timeout=PATIENCE))
    assert len(answers) == 1 and b"liaison.v1.FocalPoint" in answers[0], answers
    assert b"liaison.v1.Federation" not in answers[0], answers


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--proto-dir", required=True, type=pathlib.Path)
    parser.add_argument("--asker", required=True, help="host:port of the asking node's local API")
    parser.add_argument("--asker-token-file", required=True)
    parser.add_argument("--answerer", required=True, help="host:port of the answering node's local API")
    parser.add_argument("--answerer-token-file")
    parser.add_argument("--to", required=True, help="the answering country, e.g. KHM")
    parser.add_argument("--asker-ca", help="the asking node's local CA certificate (TLS)")
    parser.add_argument("--answerer-ca", help="the answering node's local CA certificate (TLS)")
    parser.add_argument("--answerer-cert", help="the answering agency system's client certificate")
    parser.add_argument("--answerer-key", help="its private key")
    args = parser.parse_args()
    if args.answerer_token_file is None and args.answerer_cert is None:
        raise SystemExit("the answerer needs --answerer-token-file or --answerer-cert")

    with tempfile.TemporaryDirectory() as out:
        generate(args.proto_dir, pathlib.Path(out))
        exchange = importlib.import_module("liaison.v1.exchange_pb2")
        focal = importlib.import_module("liaison.v1.focal_point_pb2")
        focal_grpc = importlib.import_module("liaison.v1.focal_point_pb2_grpc")
        agency = importlib.import_module("liaison.v1.agency_pb2")
        agency_grpc = importlib.import_module("liaison.v1.agency_pb2_grpc")

        asker_auth = token(args.asker_token_file)
        police_auth = token(args.answerer_token_file)
        with channel(args.asker, args.asker_ca, None, None) as asking, channel(
            args.answerer, args.answerer_ca, args.answerer_cert, args.answerer_key
        ) as answering:
            if args.asker_ca is not None:
                check_standard_services(asking)
            focal_point = focal_grpc.FocalPointStub(asking)
            police = agency_grpc.AgencyStub(answering)

            # Refused without a token, with the reason given.
            try:
                focal_point.List(focal.ListFilter(), timeout=PATIENCE)
                raise SystemExit("a call without a token was accepted")
            except grpc.RpcError as error:
                assert error.code() == grpc.StatusCode.UNAUTHENTICATED, error

            week = int(time.time() * 1000) + 7 * 24 * 3600 * 1000
            submitted = focal_point.Submit(
                focal.NewRequest(
                    to_country=args.to,
                    category=exchange.PHONE_CHECK,
                    purpose=exchange.INVESTIGATION,
                    offence_code="0204",
                    subject=exchange.Subject(phone=exchange.Phone(number="+85599000111")),
                    summary="Asked from Python through grpcio.",
                    deadline_unix_ms=week,
                ),
                metadata=asker_auth,
                timeout=PATIENCE,
            )
            request_id = submitted.request.request_id
            assert submitted.status == exchange.SUBMITTED or submitted.status == exchange.SENT, submitted

            # The answering country's police sees it arrive and answers.
            assignments = police.StreamAssignments(
                agency.InboxFilter(), metadata=police_auth, timeout=PATIENCE
            )
            for view in assignments:
                if view.request.request_id == request_id:
                    break
            else:
                raise SystemExit("the request never reached the answering agency")
            assignments.cancel()
            assert view.request.subject.phone.number == "+85599000111", view
            police.Answer(
                agency.AnswerCall(
                    request_id=request_id,
                    fields=[
                        exchange.Field(name="operator", value="Python Mobile"),
                        exchange.Field(name="registration_date", value="2025-01-02"),
                    ],
                    remarks="answered from Python",
                ),
                metadata=police_auth,
                timeout=PATIENCE,
            )

            # The signed answer comes back to the asking focal point.
            for view in focal_point.Watch(
                focal.RequestRef(request_id=request_id), metadata=asker_auth, timeout=PATIENCE
            ):
                if view.status == exchange.ANSWERED:
                    break
            else:
                raise SystemExit("the watch ended before the answer came")
            released = view.answer.released
            fields = {field.name: field.value for field in released.fields}
            assert fields == {"operator": "Python Mobile", "registration_date": "2025-01-02"}, fields
            assert view.answer.from_country == args.to, view.answer
            assert released.rule, released
            assert view.receipt.receiver == args.to, view.receipt
            print(f"interop ok {request_id}")


if __name__ == "__main__":
    main()
