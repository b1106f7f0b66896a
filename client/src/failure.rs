//! How a command fails: the error the user sees, and the exit status.
//!
//! Every error is a [`Failure`]: a gRPC status name (the node's, or for a
//! problem the CLI finds itself the nearest one: `INVALID_ARGUMENT` for an
//! option, `UNAVAILABLE` for a node it cannot reach), a message, and the
//! field or option at fault when there is one. People get `error: …` on
//! stderr; with `--json`, stderr gets one line
//! `{"error":{"status":"…","message":"…","field":"…"|null}}`. Stdout only
//! ever carries results.
//!
//! Exit statuses: 0 on success, and when the reader of the output went
//! away (a closed pipe, as in `liaison … | head`: the command stops
//! quietly); 1 when the command failed (the node refused, could not be
//! reached, a file could not be read, `audit verify` found a bad log); 2
//! when the command line itself is wrong (clap's usage errors).

use std::fmt;
use std::io::Write as _;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use serde_json::json;

/// Why a command failed, as the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// A gRPC status name, e.g. `INVALID_ARGUMENT`.
    pub status: &'static str,
    /// What went wrong and, where the CLI knows it, how to fix it.
    pub message: String,
    /// The field (`subject.phone.number`) or option (`--deadline`) at
    /// fault, if any.
    pub field: Option<String>,
    /// Whether the node said so: its message is then shown after the
    /// status, `PERMISSION_DENIED: …`.
    from_node: bool,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from_node {
            write!(f, "{}: {}", self.status, self.message)
        } else {
            f.write_str(&self.message)
        }
    }
}

impl std::error::Error for Failure {}

pub use liaison_proto::status::code_name;

/// The field a node's message names in its leading ``field `X`: `` form.
pub fn field_of(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("field `")?;
    let (field, _) = rest.split_once("`: ")?;
    (!field.is_empty()).then_some(field)
}

impl Failure {
    /// A problem the CLI found itself.
    pub fn new(status: &'static str, field: Option<&str>, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
            field: field.map(str::to_string),
            from_node: false,
        }
    }

    /// An option given a value that breaks its rule.
    pub fn invalid(option: &str, message: impl Into<String>) -> Failure {
        Failure::new("INVALID_ARGUMENT", Some(option), message)
    }

    /// What the node answered.
    pub fn from_status(status: &tonic::Status) -> Failure {
        Failure {
            status: code_name(status.code()),
            message: status.message().to_string(),
            field: field_of(status.message()).map(str::to_string),
            from_node: true,
        }
    }

    /// A command line clap refused.
    pub fn from_usage(error: &clap::Error) -> Failure {
        let field = match error.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(arg)) => Some(arg.clone()),
            Some(ContextValue::Strings(args)) => args.first().cloned(),
            _ => None,
        }
        .map(|arg| arg.split(' ').next().unwrap_or_default().to_string());
        let message = match error.kind() {
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                "this command needs a subcommand (see --help)".to_string()
            }
            _ => {
                let rendered = error.render().to_string();
                rendered
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim_start_matches("error: ")
                    .to_string()
            }
        };
        Failure::new("INVALID_ARGUMENT", field.as_deref(), message)
    }

    /// The same failure, with `note` (where the setting at fault came
    /// from) after its message in parentheses.
    pub fn noting(mut self, note: &str) -> Failure {
        self.message = format!("{} ({note})", self.message);
        self
    }

    /// The one-line JSON form.
    pub fn to_json(&self) -> serde_json::Value {
        json!({"error": {"status": self.status, "message": self.message, "field": self.field}})
    }
}

/// Turns a gRPC status into an error that says what the node said.
pub fn status(e: tonic::Status) -> anyhow::Error {
    anyhow::Error::new(Failure::from_status(&e))
}

/// Whether the error is a write to a reader that went away.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Tells the user why the command failed, on stderr, and gives the exit
/// status: 0 when the output's reader went away, 1 otherwise.
pub fn report(error: &anyhow::Error, json_out: bool) -> ExitCode {
    if is_broken_pipe(error) {
        return ExitCode::SUCCESS;
    }
    let failure = match error.downcast_ref::<Failure>() {
        Some(failure) => failure.clone(),
        None => Failure::new("UNKNOWN", None, format!("{error:#}")),
    };
    // Stderr may be closed too; there is nobody left to tell then.
    let mut stderr = std::io::stderr().lock();
    let _ = if json_out {
        writeln!(stderr, "{}", failure.to_json())
    } else {
        writeln!(stderr, "error: {failure}")
    };
    ExitCode::FAILURE
}

/// Tells the user clap refused the command line (or shows the help it was
/// asked for), and gives clap's exit status: 0 for help and version, 2 for
/// usage errors.
pub fn report_usage(error: &clap::Error, json_out: bool) -> ExitCode {
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    let is_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    if json_out && !is_help {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "{}", Failure::from_usage(error).to_json());
    } else {
        // clap writes help to stdout and errors to stderr, and swallows a
        // closed pipe.
        let _ = error.print();
    }
    ExitCode::from(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_is_read_from_the_nodes_leading_form() {
        assert_eq!(
            field_of(
                "field `subject.person.date_of_birth`: names a day that its month does not have"
            ),
            Some("subject.person.date_of_birth")
        );
        assert_eq!(
            field_of("field `requested_fields[0]`: is not a field of PHONE_CHECK"),
            Some("requested_fields[0]")
        );
        assert_eq!(field_of("role focal_point required"), None);
        assert_eq!(field_of("the field `x`: is named later"), None);
        assert_eq!(field_of("field ``: empty"), None);
        assert_eq!(field_of("field `unterminated"), None);
    }

    #[test]
    fn node_statuses_become_one_json_shape() {
        let failure = Failure::from_status(&tonic::Status::invalid_argument(
            "field `subject.phone.number`: is not an E.164 number",
        ));
        assert_eq!(
            failure.to_json(),
            json!({"error": {
                "status": "INVALID_ARGUMENT",
                "message": "field `subject.phone.number`: is not an E.164 number",
                "field": "subject.phone.number",
            }})
        );
        assert_eq!(
            failure.to_string(),
            "INVALID_ARGUMENT: field `subject.phone.number`: is not an E.164 number"
        );
        let denied = Failure::from_status(&tonic::Status::permission_denied("role admin needed"));
        assert_eq!(
            denied.to_json(),
            json!({"error": {"status": "PERMISSION_DENIED", "message": "role admin needed", "field": null}})
        );
        // The status survives being carried as an `anyhow::Error`.
        let carried = status(tonic::Status::not_found("no such request"));
        assert_eq!(
            carried.downcast_ref::<Failure>().map(|f| f.status),
            Some("NOT_FOUND")
        );
    }

    #[test]
    fn broken_pipes_are_recognised_through_context() {
        let pipe = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
            .context("cannot write the output");
        assert!(is_broken_pipe(&pipe));
        let other = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert!(!is_broken_pipe(&other));
    }
}
