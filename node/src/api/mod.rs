//! The node's gRPC surface, on two listeners: the federation listener
//! (peers, mutual TLS: [`federation`]) and the local one (users, bearer
//! tokens and client certificates checked by [`local_auth`]: [`local`] for
//! focal points and agencies, [`audit`] for auditors, [`admin`], and
//! [`account`] for every user, [`users`] for admins managing people's
//! accounts). [`listener`] says what each serves,
//! [`body_check`] refuses what cannot be read, [`limits`] admits peers'
//! calls, and [`server`] assembles it all. [`console`] serves the web
//! console on a third listener, over the same local services. Everything here authenticates and decodes,
//! hands the call to the [`exchange`](crate::exchange), and answers.

pub mod account;
pub mod admin;
pub mod audit;
pub mod body_check;
pub mod console;
pub mod evidence;
pub mod federation;
pub mod hits;
pub mod limits;
pub mod listener;
pub mod local;
pub mod local_auth;
pub mod server;
pub mod users;
