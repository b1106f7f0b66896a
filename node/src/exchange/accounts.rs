//! People's accounts: officers, auditors and operators who sign in to the
//! console with a password (Argon2id) and, where their role requires it or
//! they chose to, a second factor (RFC 6238 TOTP), or who call the local
//! API with a personal token. Admins add, disable, enable, reset and
//! re-role them; every change, sign-in, sign-out and failure is audited
//! with the person (`agency:police/somchai`) and never a password, a code,
//! a token or a session cookie.
//!
//! Console sessions live in the store under the SHA-256 of their cookie,
//! with an idle and an absolute expiry (`[console]`). Failed sign-ins are
//! counted on the person's record, so a lockout survives a restart, and
//! per source address in memory ([`super::lockout`]).

use std::net::IpAddr;

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};
use tokio::time::Instant;

use super::lockout::Key;
use super::state::{Event, Exchange, Pending, now_ms};
use crate::config::{Config, LocalUser, Role, parse_role};
use crate::error::{Error, Problem, Result};
use crate::pki::random_bytes;
use crate::records::{PersonRecord, PersonToken, SessionRecord};

/// The shortest password a person may choose (NIST SP 800-63B asks for at
/// least 8; without a second factor OWASP asks for 15: 12 is between, and
/// one-time passwords are longer).
pub const MIN_PASSWORD_CHARS: usize = 12;
/// The longest password accepted, so that hashing stays bounded.
pub const MAX_PASSWORD_CHARS: usize = 128;
/// The most API tokens a person holds at once.
pub const MAX_TOKENS: usize = 5;
/// Failed sign-ins in a row and lockout when `[console]` is absent (people
/// may still use personal API tokens).
const DEFAULT_MAX_FAILED: u32 = 5;
const DEFAULT_LOCKOUT_MS: i64 = 15 * 60 * 1000;
const DEFAULT_IDLE_MS: i64 = 30 * 60 * 1000;
const DEFAULT_ABSOLUTE_MS: i64 = 12 * 3600 * 1000;
/// RFC 6238's time step, in seconds.
const TOTP_STEP: u64 = 30;

/// A password, token or cookie shown once: no `Debug` shows it.
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

/// Argon2id with OWASP's first recommended parameters: 19 MiB of memory,
/// two passes, one lane.
fn hasher() -> Argon2<'static> {
    // These constant parameters are within Argon2's limits.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password on a blocking thread (it takes tens of milliseconds
/// by design).
async fn hash_password(password: String) -> Result<String> {
    let salt: [u8; 16] = random_bytes().map_err(|e| Error::Integrity(e.to_string()))?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Integrity(e.to_string()))?;
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| Error::Integrity(format!("cannot hash a password: {e}")))
    })
    .await
    .map_err(|e| Error::Integrity(e.to_string()))?
}

/// Checks a password against a stored hash, on a blocking thread. A
/// stored hash that does not parse never matches.
async fn password_matches(password: String, phc: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&phc)
            .is_ok_and(|hash| hasher().verify_password(password.as_bytes(), &hash).is_ok())
    })
    .await
    .unwrap_or(false)
}

/// A random password for a new account or a reset: 24 characters from an
/// alphabet without look-alikes, about 120 bits.
fn one_time_password() -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let bytes: [u8; 24] = random_bytes().map_err(|e| Error::Integrity(e.to_string()))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Checks a login name: 2 to 32 lower-case letters, digits, `.`, `_`, `-`,
/// starting with a letter.
pub fn check_login(field: &str, login: &str) -> Result<()> {
    let ok = (2..=32).contains(&login.len())
        && login.as_bytes()[0].is_ascii_lowercase()
        && login
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(Problem::field(
            field,
            "must be 2 to 32 lower-case letters, digits, `.`, `_` or `-`, starting with a letter",
        )))
    }
}

/// Checks a new password's length and that it is not the login.
pub fn check_password(field: &str, login: &str, password: &str) -> Result<()> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return Err(Error::invalid(Problem::field(
            field,
            format!("must be {MIN_PASSWORD_CHARS} to {MAX_PASSWORD_CHARS} characters"),
        )));
    }
    if password.trim().to_lowercase().contains(login) {
        return Err(Error::invalid(Problem::field(
            field,
            "must not contain the login name",
        )));
    }
    Ok(())
}

/// The identity a person acts under: their role and login, e.g.
/// `agency:police/somchai`, which config users' names (no `/`) never take.
pub fn person_user(person: &PersonRecord) -> Result<LocalUser> {
    let role = parse_role(&person.role).map_err(|rule| {
        Error::Integrity(format!(
            "stored account {} has an unreadable role: {rule}",
            person.login
        ))
    })?;
    Ok(LocalUser {
        name: format!("{role}/{}", person.login),
        role,
    })
}

/// A new secret for a second factor: 20 random bytes (RFC 4226's
/// recommended 160 bits), base32 as authenticator apps take it.
pub fn new_totp_secret() -> Result<String> {
    let bytes: [u8; 20] = random_bytes().map_err(|e| Error::Integrity(e.to_string()))?;
    Ok(totp_rs::Secret::Raw(bytes.to_vec())
        .to_encoded()
        .to_string())
}

/// The RFC 6238 code of `secret` (base32) at `at_s` seconds since the
/// epoch; `None` if the secret does not decode.
pub fn totp_code(secret: &str, at_s: u64) -> Option<String> {
    let bytes = totp_rs::Secret::Encoded(secret.to_string())
        .to_bytes()
        .ok()?;
    let totp = totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, TOTP_STEP, bytes).ok()?;
    Some(totp.generate(at_s))
}

/// The RFC 6238 step `code` is valid for at `now_s`, one step of drift
/// either way allowed, if any.
pub fn totp_step(secret: &str, code: &str, now_s: u64) -> Option<u64> {
    let code = code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step = now_s / TOTP_STEP;
    [step.saturating_sub(1), step, step + 1]
        .into_iter()
        .find(|s| totp_code(secret, s * TOTP_STEP).as_deref() == Some(code))
}

/// The `otpauth://` URI an authenticator app enrols `secret` from.
pub fn totp_uri(country: &str, login: &str, secret: &str) -> String {
    format!(
        "otpauth://totp/Liaison%20{country}:{login}?secret={secret}&issuer=Liaison%20{country}&algorithm=SHA1&digits=6&period={TOTP_STEP}"
    )
}

fn sha256(text: &str) -> [u8; 32] {
    Sha256::digest(text.as_bytes()).into()
}

/// Why a sign-in failed, as the audit log says it. The browser is told
/// less (see the console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInRefusal {
    /// No such login, a wrong password or a wrong code.
    Wrong,
    /// Too many failures: locked for a while.
    Locked,
    Disabled,
}

/// What a session lets its holder do so far.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub session: SessionRecord,
    pub person: PersonRecord,
    pub user: LocalUser,
    /// The SHA-256 of the cookie: the session's key.
    pub key: [u8; 32],
}

impl ActiveSession {
    /// Signed in fully: password, second factor if any, password changed
    /// if it had to be, second factor enrolled if the role requires one.
    pub fn complete(&self, config: &Config) -> bool {
        !self.session.awaiting_totp
            && !self.person.must_change_password
            && !self.needs_totp_enrolment(config)
    }

    /// The role requires a second factor the person has not enrolled.
    pub fn needs_totp_enrolment(&self, config: &Config) -> bool {
        self.person.totp_secret.is_none()
            && config
                .console
                .as_ref()
                .is_some_and(|c| c.totp_required(&self.user.role))
    }
}

impl Exchange {
    fn sign_in_limits(&self) -> (u32, i64) {
        match &self.config().console {
            Some(c) => (c.max_failed_logins, c.lockout.as_millis() as i64),
            None => (DEFAULT_MAX_FAILED, DEFAULT_LOCKOUT_MS),
        }
    }

    /// Writes `person` with one audit event.
    async fn save_person(&self, person: &PersonRecord, event: Event) -> Result<()> {
        self.save_person_with(person, event, |_| {}).await
    }

    async fn save_person_with(
        &self,
        person: &PersonRecord,
        event: Event,
        more: impl FnOnce(&mut Pending),
    ) -> Result<()> {
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        pending.changes.put_person(person);
        pending.events.push(event);
        more(&mut pending);
        self.commit(state, pending).await
    }

    fn existing_person(&self, login: &str) -> Result<PersonRecord> {
        check_login("login", login)?;
        self.records
            .person(login)?
            .ok_or_else(|| Error::not_found(Problem::field("login", "no such person")))
    }

    /// Every person's account, by login.
    pub fn persons(&self) -> Result<Vec<PersonRecord>> {
        Ok(self.records.persons()?)
    }

    /// Adds a person with a one-time password, to be changed at the first
    /// sign-in, or with `password` (the demo's accounts). Returns the
    /// account and the password to hand over.
    pub async fn add_person(
        &self,
        by: &LocalUser,
        login: &str,
        role: &str,
        password: Option<String>,
    ) -> Result<(PersonRecord, Secret)> {
        check_login("login", login)?;
        let role = self.check_role(role)?;
        if self.records.person(login)?.is_some() {
            return Err(Error::exists(Problem::field(
                "login",
                "a person with this login exists",
            )));
        }
        let (password, must_change) = match password {
            Some(p) => {
                check_password("password", login, &p)?;
                (p, false)
            }
            None => (one_time_password()?, true),
        };
        let person = PersonRecord {
            login: login.to_string(),
            role: role.to_string(),
            password_phc: hash_password(password.clone()).await?,
            must_change_password: must_change,
            totp_secret: None,
            totp_last_step: 0,
            disabled: false,
            failed_logins: 0,
            locked_until_unix_ms: 0,
            language: None,
            tokens: Vec::new(),
            created_unix_ms: now_ms(),
        };
        let event = Event::new("user.added", &by.name).detail(format!("{role}/{login}"));
        self.save_person(&person, event).await?;
        Ok((person, Secret(password)))
    }

    fn check_role(&self, text: &str) -> Result<Role> {
        let role = parse_role(text).map_err(|rule| Error::invalid(Problem::field("role", rule)))?;
        if let Role::Agency(name) = &role
            && !self.config().agencies.iter().any(|a| &a.name == name)
        {
            return Err(Error::invalid(Problem::field(
                "role",
                format!("agency `{name}` is not configured ([[agencies]])"),
            )));
        }
        Ok(role)
    }

    /// Disables or enables a person. Disabling ends their sessions and
    /// refuses their tokens; enabling also ends a sign-in lockout.
    pub async fn set_person_disabled(
        &self,
        by: &LocalUser,
        login: &str,
        disabled: bool,
    ) -> Result<PersonRecord> {
        let mut person = self.existing_person(login)?;
        person.disabled = disabled;
        person.failed_logins = 0;
        person.locked_until_unix_ms = 0;
        let name = person_user(&person)?.name;
        let (event, ends) = if disabled {
            ("user.disabled", self.sessions_of(login)?)
        } else {
            ("user.enabled", Vec::new())
        };
        let event = Event::new(event, &by.name).detail(name);
        self.save_person_with(&person, event, |p| {
            for key in ends {
                p.changes.remove_session(&key);
            }
        })
        .await?;
        Ok(person)
    }

    /// Gives a person a new one-time password, ends their sessions and
    /// (with `remove_totp`) removes their second factor, for a person who
    /// lost it.
    pub async fn reset_password(
        &self,
        by: &LocalUser,
        login: &str,
        remove_totp: bool,
    ) -> Result<Secret> {
        let mut person = self.existing_person(login)?;
        let password = one_time_password()?;
        person.password_phc = hash_password(password.clone()).await?;
        person.must_change_password = true;
        person.failed_logins = 0;
        person.locked_until_unix_ms = 0;
        if remove_totp {
            person.totp_secret = None;
        }
        let detail = format!(
            "{}{}",
            person_user(&person)?.name,
            if remove_totp {
                "; second factor removed"
            } else {
                ""
            }
        );
        let ends = self.sessions_of(login)?;
        let event = Event::new("user.password_reset", &by.name).detail(detail);
        self.save_person_with(&person, event, |p| {
            for key in ends {
                p.changes.remove_session(&key);
            }
        })
        .await?;
        Ok(Secret(password))
    }

    /// Changes a person's role; their sessions end, so that no page keeps
    /// the old role's rights.
    pub async fn set_person_role(
        &self,
        by: &LocalUser,
        login: &str,
        role: &str,
    ) -> Result<PersonRecord> {
        let mut person = self.existing_person(login)?;
        let role = self.check_role(role)?;
        let before = person_user(&person)?.name;
        person.role = role.to_string();
        let ends = self.sessions_of(login)?;
        let event =
            Event::new("user.role_changed", &by.name).detail(format!("{before} -> {role}/{login}"));
        self.save_person_with(&person, event, |p| {
            for key in ends {
                p.changes.remove_session(&key);
            }
        })
        .await?;
        Ok(person)
    }

    /// Issues a personal API token (shown once; only its hash is kept), or
    /// with `revoke_all` revokes every token the person holds instead.
    pub async fn person_token(
        &self,
        by: &LocalUser,
        login: &str,
        revoke_all: bool,
    ) -> Result<Option<Secret>> {
        let mut person = self.existing_person(login)?;
        let name = person_user(&person)?.name;
        if revoke_all {
            let revoked = std::mem::take(&mut person.tokens);
            let event = Event::new("user.tokens_revoked", &by.name)
                .detail(format!("{name}: {} tokens", revoked.len()));
            self.save_person_with(&person, event, |p| {
                for token in &revoked {
                    p.changes.remove_person_token(&token.sha256);
                }
            })
            .await?;
            return Ok(None);
        }
        if person.tokens.len() >= MAX_TOKENS {
            return Err(Error::precondition(Problem::field(
                "login",
                format!("holds {MAX_TOKENS} tokens already: revoke them first"),
            )));
        }
        let (token, _) =
            crate::pki::generate_token().map_err(|e| Error::Integrity(e.to_string()))?;
        let hash = sha256(&token);
        person.tokens.push(PersonToken {
            sha256: hash,
            issued_unix_ms: now_ms(),
        });
        let event = Event::new("user.token_issued", &by.name).detail(name);
        self.save_person_with(&person, event, |p| p.changes.put_person_token(&hash, login))
            .await?;
        Ok(Some(Secret(token)))
    }

    /// The person a bearer token (by its SHA-256) belongs to, if it is a
    /// live personal token of an enabled person.
    pub fn person_by_token(&self, sha256: &[u8; 32]) -> Result<Option<LocalUser>> {
        let Some(login) = self.records.person_token(sha256)? else {
            return Ok(None);
        };
        let Some(person) = self.records.person(&login)? else {
            return Ok(None);
        };
        if !person.tokens.iter().any(|t| &t.sha256 == sha256) {
            return Ok(None);
        }
        if person.disabled {
            return Err(Error::unauthenticated(format!(
                "user {} is disabled",
                person_user(&person)?.name
            )));
        }
        person_user(&person).map(Some)
    }

    /// Checks a login and password, counting failures per person (kept in
    /// the store) and per address (in memory). On success the person's
    /// record is returned and nothing is audited yet: the sign-in is
    /// complete only once a session is open ([`Exchange::open_session`]).
    pub async fn check_sign_in(
        &self,
        login: &str,
        password: &str,
        from: Option<IpAddr>,
    ) -> std::result::Result<PersonRecord, SignInRefusal> {
        let address = from.map(Key::Address);
        let now = Instant::now();
        if let Some(key) = &address
            && self.lockout.locked(key, now).is_some()
        {
            return Err(SignInRefusal::Locked);
        }
        let person = if check_login("login", login).is_ok() {
            self.records.person(login).ok().flatten()
        } else {
            None
        };
        let Some(person) = person else {
            // Hash anyway, so that an unknown login takes as long as a
            // wrong password.
            let _ = hash_password(password.to_string()).await;
            self.sign_in_failed(None, from, "unknown login").await;
            return Err(SignInRefusal::Wrong);
        };
        if person.locked_until_unix_ms > now_ms() {
            self.sign_in_failed(Some(person), from, "account locked")
                .await;
            return Err(SignInRefusal::Locked);
        }
        if !password_matches(password.to_string(), person.password_phc.clone()).await {
            self.sign_in_failed(Some(person), from, "wrong password")
                .await;
            return Err(SignInRefusal::Wrong);
        }
        if person.disabled {
            self.sign_in_failed(Some(person), from, "account disabled")
                .await;
            return Err(SignInRefusal::Disabled);
        }
        Ok(person)
    }

    /// Checks a second-factor code of a session awaiting one; a code is
    /// accepted once. Failures count towards the person's lockout.
    pub async fn check_totp(
        &self,
        active: &ActiveSession,
        code: &str,
        from: Option<IpAddr>,
    ) -> std::result::Result<(), SignInRefusal> {
        let Ok(Some(mut person)) = self.records.person(&active.person.login) else {
            return Err(SignInRefusal::Wrong);
        };
        if person.locked_until_unix_ms > now_ms() {
            return Err(SignInRefusal::Locked);
        }
        let now_s = u64::try_from(now_ms() / 1000).unwrap_or(0);
        let step = person
            .totp_secret
            .as_deref()
            .and_then(|secret| totp_step(secret, code, now_s))
            .filter(|step| *step > person.totp_last_step);
        let Some(step) = step else {
            self.sign_in_failed(Some(person), from, "wrong second-factor code")
                .await;
            return Err(SignInRefusal::Wrong);
        };
        person.totp_last_step = step;
        person.failed_logins = 0;
        let mut session = active.session.clone();
        session.awaiting_totp = false;
        session.last_seen_unix_ms = now_ms();
        let name = active.user.name.clone();
        let key = active.key;
        let event = Event::new("console.login", &name).detail(signed_in_detail(from, true));
        self.save_person_with(&person, event, |p| p.changes.put_session(&key, &session))
            .await
            .map_err(|_| SignInRefusal::Wrong)
    }

    /// Counts and audits a failed sign-in; locks the person (and, through
    /// the local API's lockout, the address) after too many.
    async fn sign_in_failed(&self, person: Option<PersonRecord>, from: Option<IpAddr>, why: &str) {
        let from_text = from.map_or("an unknown address".to_string(), |a| a.to_string());
        let config = self.config();
        let now = Instant::now();
        let keys: Vec<Key> = from.map(Key::Address).into_iter().collect();
        for locked in self.lockout.failed(&keys, &config.local_auth, now) {
            tracing::warn!(key = %locked.key, "console sign-in lockout");
        }
        let (max_failed, lockout_ms) = self.sign_in_limits();
        let outcome = match person {
            None => {
                // An unknown login is never written down: people type
                // passwords into the login field.
                let event = Event::new("console.login_failed", "unknown")
                    .detail(format!("{why} from {from_text}"));
                self.record_event(event).await
            }
            Some(mut person) => {
                let name = person_user(&person).map_or_else(|_| person.login.clone(), |u| u.name);
                let mut events = vec![
                    Event::new("console.login_failed", &name)
                        .detail(format!("{why} from {from_text}")),
                ];
                if why != "account locked" {
                    person.failed_logins = person.failed_logins.saturating_add(1);
                    if person.failed_logins >= max_failed {
                        person.locked_until_unix_ms = now_ms() + lockout_ms;
                        person.failed_logins = 0;
                        self.metrics.local_lockout();
                        events.push(Event::new("console.locked", &name).detail(format!(
                            "locked for {} min after {max_failed} failed sign-ins",
                            lockout_ms / 60_000
                        )));
                    }
                }
                let state = self.state.lock().await;
                let mut pending = Pending::default();
                pending.changes.put_person(&person);
                pending.events = events;
                self.commit(state, pending).await
            }
        };
        if let Err(e) = outcome {
            tracing::error!(error = %e, "cannot record a failed sign-in");
        }
    }

    /// Opens a session for `person` after a good password, and returns its
    /// cookie. The sign-in is audited now unless a second factor is still
    /// to come.
    pub async fn open_session(
        &self,
        person: &PersonRecord,
        from: Option<IpAddr>,
    ) -> Result<(Secret, ActiveSession)> {
        let user = person_user(person)?;
        let cookie =
            hex::encode(random_bytes::<32>().map_err(|e| Error::Integrity(e.to_string()))?);
        let csrf = hex::encode(random_bytes::<32>().map_err(|e| Error::Integrity(e.to_string()))?);
        let now = now_ms();
        let awaiting_totp = person.totp_secret.is_some();
        let session = SessionRecord {
            login: person.login.clone(),
            created_unix_ms: now,
            last_seen_unix_ms: now,
            csrf,
            awaiting_totp,
            enrolling_totp: None,
        };
        let key = sha256(&cookie);
        let mut fresh = person.clone();
        fresh.failed_logins = 0;
        let event = if awaiting_totp {
            Event::new("console.password_ok", &user.name)
                .detail(format!("second factor asked for; {}", from_text(from)))
        } else {
            Event::new("console.login", &user.name).detail(signed_in_detail(from, false))
        };
        self.save_person_with(&fresh, event, |p| p.changes.put_session(&key, &session))
            .await?;
        Ok((
            Secret(cookie),
            ActiveSession {
                session,
                person: fresh,
                user,
                key,
            },
        ))
    }

    /// The live session a cookie names. A session past its idle or absolute
    /// expiry, or whose person is gone, disabled or locked, is ended here
    /// (and audited); `None` then.
    pub async fn session(&self, cookie: &str) -> Result<Option<ActiveSession>> {
        let key = sha256(cookie);
        let Some(mut session) = self.records.session(&key)? else {
            return Ok(None);
        };
        let (idle, absolute) = match &self.config().console {
            Some(c) => (c.idle.as_millis() as i64, c.absolute.as_millis() as i64),
            None => (DEFAULT_IDLE_MS, DEFAULT_ABSOLUTE_MS),
        };
        let now = now_ms();
        let person = self.records.person(&session.login)?;
        let ended = match &person {
            None => Some("the account is gone"),
            Some(p) if p.disabled => Some("the account is disabled"),
            Some(_) if now - session.last_seen_unix_ms > idle => Some("idle too long"),
            Some(_) if now - session.created_unix_ms > absolute => Some("too old"),
            Some(_) => None,
        };
        let Some(person) = person else {
            self.end_session_key(key, "node".into(), "session ended: the account is gone")
                .await?;
            return Ok(None);
        };
        let user = person_user(&person)?;
        if let Some(why) = ended {
            self.end_session_key(key, user.name, &format!("session ended: {why}"))
                .await?;
            return Ok(None);
        }
        // Remember the use at most once a minute: a page view is not worth
        // a write each.
        if now - session.last_seen_unix_ms > 60_000 {
            session.last_seen_unix_ms = now;
            let mut changes = crate::records::Changes::new();
            changes.put_session(&key, &session);
            self.records.apply(changes)?;
        }
        Ok(Some(ActiveSession {
            session,
            person,
            user,
            key,
        }))
    }

    /// Ends a session: signed out by its person.
    pub async fn sign_out(&self, active: &ActiveSession) -> Result<()> {
        self.end_session_key(active.key, active.user.name.clone(), "signed out")
            .await
    }

    async fn end_session_key(&self, key: [u8; 32], actor: String, why: &str) -> Result<()> {
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        pending.changes.remove_session(&key);
        pending
            .events
            .push(Event::new("console.logout", actor).detail(why.to_string()));
        self.commit(state, pending).await
    }

    /// The keys of every session of `login`.
    fn sessions_of(&self, login: &str) -> Result<Vec<[u8; 32]>> {
        Ok(self
            .records
            .sessions()?
            .into_iter()
            .filter(|(_, s)| s.login == login)
            .map(|(key, _)| key)
            .collect())
    }

    /// Changes a person's own password, checking the current one; their
    /// other sessions end.
    pub async fn change_password(
        &self,
        active: &ActiveSession,
        current: &str,
        new: &str,
    ) -> Result<()> {
        let mut person = self.existing_person(&active.person.login)?;
        if !password_matches(current.to_string(), person.password_phc.clone()).await {
            return Err(Error::invalid(Problem::field(
                "current_password",
                "is not the current password",
            )));
        }
        check_password("new_password", &person.login, new)?;
        if current == new {
            return Err(Error::invalid(Problem::field(
                "new_password",
                "must differ from the current password",
            )));
        }
        person.password_phc = hash_password(new.to_string()).await?;
        person.must_change_password = false;
        let others: Vec<[u8; 32]> = self
            .sessions_of(&person.login)?
            .into_iter()
            .filter(|key| *key != active.key)
            .collect();
        let event = Event::new("user.password_changed", &active.user.name)
            .detail(format!("{} other sessions ended", others.len()));
        self.save_person_with(&person, event, |p| {
            for key in others {
                p.changes.remove_session(&key);
            }
        })
        .await
    }

    /// Starts enrolling a second factor: a new secret kept in the session
    /// until a code confirms it. Returns the secret.
    pub fn begin_totp(&self, active: &ActiveSession) -> Result<String> {
        let secret = new_totp_secret()?;
        let mut session = active.session.clone();
        session.enrolling_totp = Some(secret.clone());
        let mut changes = crate::records::Changes::new();
        changes.put_session(&active.key, &session);
        self.records.apply(changes)?;
        Ok(secret)
    }

    /// Confirms the second factor being enrolled with a code from it.
    pub async fn confirm_totp(&self, active: &ActiveSession, code: &str) -> Result<()> {
        let secret = active.session.enrolling_totp.clone().ok_or_else(|| {
            Error::precondition(Problem::field("code", "no second factor is being enrolled"))
        })?;
        let now_s = u64::try_from(now_ms() / 1000).unwrap_or(0);
        let step = totp_step(&secret, code, now_s).ok_or_else(|| {
            Error::invalid(Problem::field(
                "code",
                "is not the current code of the new second factor",
            ))
        })?;
        let mut person = self.existing_person(&active.person.login)?;
        person.totp_secret = Some(secret);
        person.totp_last_step = step;
        let mut session = active.session.clone();
        session.enrolling_totp = None;
        session.awaiting_totp = false;
        let key = active.key;
        let event = Event::new("user.totp_enrolled", &active.user.name);
        self.save_person_with(&person, event, |p| p.changes.put_session(&key, &session))
            .await
    }

    /// Remembers the console language a person chose.
    pub async fn set_language(&self, active: &ActiveSession, language: &str) -> Result<()> {
        let mut person = self.existing_person(&active.person.login)?;
        person.language = Some(language.to_string());
        let mut changes = crate::records::Changes::new();
        changes.put_person(&person);
        self.records.apply(changes)?;
        Ok(())
    }
}

fn from_text(from: Option<IpAddr>) -> String {
    from.map_or("from an unknown address".to_string(), |a| {
        format!("from {a}")
    })
}

fn signed_in_detail(from: Option<IpAddr>, totp: bool) -> String {
    format!(
        "signed in {}{}",
        from_text(from),
        if totp { " with a second factor" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_and_passwords_are_checked_by_rule() {
        for good in ["somchai", "s.chan", "officer_2", "ab"] {
            assert!(check_login("login", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "a",
            "Somchai",
            "1abc",
            "som chai",
            "a/b",
            &"a".repeat(33),
        ] {
            let error = check_login("login", bad).err().map(|e| e.to_string());
            assert!(
                error.as_deref().is_some_and(|e| e.contains("lower-case")),
                "{bad}: {error:?}"
            );
        }
        assert!(check_password("p", "somchai", "correct horse battery").is_ok());
        let short = check_password("p", "somchai", "short")
            .err()
            .map(|e| e.to_string());
        assert!(short.is_some_and(|e| e.contains("12 to 128") && !e.contains("short")));
        let own = check_password("p", "somchai", "my-name-is-somchai")
            .err()
            .map(|e| e.to_string());
        assert!(own.is_some_and(|e| e.contains("login name")));
    }

    #[tokio::test]
    async fn a_password_hash_is_argon2id_with_owasp_parameters_and_verifies() {
        let phc = hash_password("correct horse battery".into())
            .await
            .unwrap_or_default();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(password_matches("correct horse battery".into(), phc.clone()).await);
        assert!(!password_matches("correct horse batterz".into(), phc.clone()).await);
        assert!(!password_matches("x".into(), "not a hash".into()).await);
    }

    #[test]
    fn totp_codes_follow_rfc_6238_and_allow_one_step_of_drift() {
        // RFC 6238 appendix B's SHA-1 secret, "12345678901234567890"; its
        // 8-digit code at T = 59 s is 94287082, so the 6-digit one is 287082.
        let secret = totp_rs::Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        assert_eq!(totp_step(&secret, "287082", 59), Some(1));
        assert_eq!(totp_step(&secret, "287082", 89), Some(1));
        assert_eq!(totp_step(&secret, "287082", 150), None);
        assert_eq!(totp_step(&secret, "28708", 59), None);
        assert_eq!(totp_step(&secret, "abcdef", 59), None);
        // T = 1111111109: 07081804, so 081804.
        assert_eq!(
            totp_step(&secret, "081804", 1_111_111_109),
            Some(37_037_036)
        );
    }
}
