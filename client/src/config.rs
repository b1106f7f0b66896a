//! The command line's own config file: where it is, what it may hold, how
//! its keys combine with the command line and the environment, and how
//! `liaison login` writes it.
//!
//! The file is `$XDG_CONFIG_HOME/liaison/config.toml`
//! (`~/.config/liaison/config.toml` when `XDG_CONFIG_HOME` is unset), or
//! the file named by `--config` or `LIAISON_CONFIG`. It holds at most four
//! keys:
//!
//! ```toml
//! node = "https://tha.liaison.example:7401"  # the node's local API
//! ca = "local-ca.pem"                         # its local CA, for https://
//! token = "…"                                 # the bearer token, or:
//! # token_file = "tokens/focal-point.token"
//! ```
//!
//! Relative paths are relative to the file's directory. Each setting comes
//! from the first of: the command line, the environment, the file, the
//! built-in default ([`DEFAULT_NODE`]). The file's `ca`, `token` and
//! `token_file` belong to the file's `node`: they are used only when the
//! node in effect is that node, so that a token is never sent to a node it
//! was not stored for.
//!
//! A file holding a token is refused unless its owner alone can read and
//! write it (mode 0600 or stricter), as ssh refuses a private key others
//! can read; a key it does not know is refused by name. Nothing here ever
//! puts a token's text in an error: a line that cannot be read is named by
//! its number, never quoted.

use std::fmt;
use std::io::{Read as _, Write as _};
use std::os::unix::fs::{DirBuilderExt as _, MetadataExt as _, OpenOptionsExt as _};
use std::path::{Path, PathBuf};

use liaison_proto::auth::BearerToken;
use serde::{Deserialize, Deserializer};

use crate::failure::Failure;

/// The node's local API when nothing else names one: a node on this host,
/// as `liaison-node init` configures it.
pub const DEFAULT_NODE: &str = "http://127.0.0.1:7401";

/// The largest config file read: a few lines are expected.
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// The largest token read from stdin.
pub const MAX_TOKEN_BYTES: u64 = 4096;

/// Where a setting came from, so that an error can say where to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    CommandLine,
    Environment,
    File(PathBuf),
    Default,
}

/// A bearer token's text. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

impl Secret {
    /// A token as read from a file, stdin or the command line; surrounding
    /// white space (a file's last newline) is not part of it.
    pub fn new(text: &str) -> Secret {
        Secret(text.trim().to_string())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The interceptor that sends it, or the rule it breaks (which never
    /// quotes it).
    pub fn bearer(&self) -> Result<BearerToken, String> {
        if self.0.is_empty() {
            return Err("the token is empty".to_string());
        }
        BearerToken::new(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    /// Takes any value, so that a token written without quotes is refused
    /// by a rule of ours rather than by serde's message, which would quote
    /// it.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Secret, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => Ok(Secret::new(&text)),
            _ => Err(serde::de::Error::custom(
                "`token` must be a string in double quotes",
            )),
        }
    }
}

/// The keys a config file may hold, as written.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Keys {
    node: Option<String>,
    ca: Option<PathBuf>,
    token: Option<Secret>,
    token_file: Option<PathBuf>,
}

/// The config file to use and whether the user named it.
#[derive(Debug, Clone)]
pub struct Location {
    /// Absolute.
    pub path: PathBuf,
    /// Named with `--config` or `LIAISON_CONFIG`: then it must exist,
    /// except for `liaison login`, which creates it.
    pub named: bool,
}

impl Location {
    /// The file named by `--config` or `LIAISON_CONFIG`, else the default
    /// one: `$XDG_CONFIG_HOME/liaison/config.toml` (an absolute
    /// `XDG_CONFIG_HOME` only, as the XDG specification says), else
    /// `$HOME/.config/liaison/config.toml`. `None` when there is no home
    /// to look in.
    pub fn find(named: Option<&Path>) -> Result<Option<Location>, Failure> {
        if let Some(path) = named.filter(|p| !p.as_os_str().is_empty()) {
            let path = std::path::absolute(path).map_err(|e| {
                Failure::invalid(
                    "--config",
                    format!("--config: cannot resolve {}: {e}", path.display()),
                )
            })?;
            return Ok(Some(Location { path, named: true }));
        }
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|h| !h.is_empty())
                    .map(|home| PathBuf::from(home).join(".config"))
            });
        Ok(base.map(|base| Location {
            path: base.join("liaison").join("config.toml"),
            named: false,
        }))
    }
}

/// A config file, read and checked.
pub struct ConfigFile {
    pub path: PathBuf,
    /// The node the file's `ca` and token belong to; `None`: the default.
    pub node: Option<String>,
    /// Absolute.
    pub ca: Option<PathBuf>,
    pub token: Option<Secret>,
    /// Absolute.
    pub token_file: Option<PathBuf>,
    /// The text read, which `login` and `logout` edit in place.
    text: String,
}

impl fmt::Debug for ConfigFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigFile")
            .field("path", &self.path)
            .field("node", &self.node)
            .field("ca", &self.ca)
            .field("token", &self.token)
            .field("token_file", &self.token_file)
            .finish_non_exhaustive()
    }
}

/// Whether a token that others can read is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposure {
    /// Reading the file to use it: refused.
    Refuse,
    /// `login` and `logout` read it to replace it with a file only its
    /// owner can read: allowed.
    Replace,
}

/// The path as a shell word, for a command the user can paste.
pub fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%".contains(c));
    if plain && !text.is_empty() {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn file_error(path: &Path, field: &str, message: impl fmt::Display) -> Failure {
    Failure::invalid(field, format!("config file {}: {message}", path.display()))
}

/// Why a file holding a token must not be used: others can read or change
/// it, or it belongs to someone else. `None` when only its owner, the
/// user running the command (or root), can.
pub fn exposure(meta: &std::fs::Metadata) -> Option<String> {
    let mode = meta.mode() & 0o7777;
    if mode & 0o077 != 0 {
        return Some(format!(
            "is readable or writable by group or others (mode {mode:04o})"
        ));
    }
    let me = rustix::process::geteuid().as_raw();
    if meta.uid() != me && meta.uid() != 0 {
        return Some(format!("belongs to another user (uid {})", meta.uid()));
    }
    None
}

impl ConfigFile {
    /// Reads and checks the file at `location`; `None` if there is none.
    pub fn read(
        location: &Location,
        exposure_rule: Exposure,
    ) -> Result<Option<ConfigFile>, Failure> {
        let path = &location.path;
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(file_error(path, "--config", format!("cannot open it: {e}"))),
        };
        let meta = file
            .metadata()
            .map_err(|e| file_error(path, "--config", format!("cannot read it: {e}")))?;
        if !meta.is_file() {
            return Err(file_error(path, "--config", "is not a regular file"));
        }
        let mut bytes = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| file_error(path, "--config", format!("cannot read it: {e}")))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(file_error(
                path,
                "--config",
                format!("is larger than {} KiB", MAX_FILE_BYTES / 1024),
            ));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| file_error(path, "--config", "is not UTF-8 text"))?;
        let keys: Keys = toml::from_str(&text).map_err(|e| parse_error(path, &text, &e))?;
        let has_token = keys.token.is_some();
        if has_token
            && exposure_rule == Exposure::Refuse
            && let Some(problem) = exposure(&meta)
        {
            return Err(file_error(
                path,
                "--config",
                format!(
                    "holds a token but {problem}: a file holding a token must be readable and \
                     writable by its owner alone; run `chmod 600 {}`",
                    shell_word(path)
                ),
            ));
        }
        let dir = path.parent().unwrap_or(Path::new("/"));
        let config = ConfigFile {
            path: path.clone(),
            node: keys.node,
            ca: keys.ca.map(|ca| dir.join(ca)),
            token: keys.token,
            token_file: keys.token_file.map(|file| dir.join(file)),
            text,
        };
        config.check()?;
        Ok(Some(config))
    }

    /// The rules between keys, and each key's own beyond its type.
    fn check(&self) -> Result<(), Failure> {
        let path = &self.path;
        if self.token.is_some() && self.token_file.is_some() {
            return Err(file_error(
                path,
                "token_file",
                "give `token` or `token_file`, not both",
            ));
        }
        if let Some(token) = &self.token
            && let Err(rule) = token.bearer()
        {
            return Err(file_error(path, "token", format!("`token`: {rule}")));
        }
        if let Some(node) = &self.node {
            let lower = node.to_ascii_lowercase();
            if !lower.starts_with("http://") && !lower.starts_with("https://") {
                return Err(file_error(
                    path,
                    "node",
                    format!("`node` = \"{node}\" does not start with http:// or https://"),
                ));
            }
            if lower.starts_with("http://") && self.ca.is_some() {
                return Err(file_error(
                    path,
                    "ca",
                    format!(
                        "`ca` is for a node serving TLS, but `node` = \"{node}\" is plain \
                         http://: write https://… or remove `ca`"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The node the file's `ca` and token belong to.
    pub fn node(&self) -> &str {
        self.node.as_deref().unwrap_or(DEFAULT_NODE)
    }

    /// Whether it holds a token, in the file or by naming one.
    pub fn holds_token(&self) -> bool {
        self.token.is_some() || self.token_file.is_some()
    }
}

/// A parse error, by line and the parser's own message (which names keys,
/// never the text of a value: the line may hold a token).
fn parse_error(path: &Path, text: &str, error: &toml::de::Error) -> Failure {
    let line = error
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
    let message = error.message().trim().replace('\n', "; ");
    let field = message
        .strip_prefix("unknown field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(key, _)| key.to_string());
    let message = match &field {
        Some(key) => {
            format!("unknown key `{key}`: a config file holds only node, ca, token and token_file")
        }
        None => message,
    };
    let at = match line {
        Some(line) => format!("line {line}: "),
        None => String::new(),
    };
    file_error(
        path,
        field.as_deref().unwrap_or("--config"),
        format!("{at}{message}"),
    )
}

/// Whether two addresses name the same node: the same text but for the
/// case of the scheme and host and a trailing slash.
pub fn same_node(a: &str, b: &str) -> bool {
    let normal = |s: &str| s.trim_end_matches('/').to_ascii_lowercase();
    normal(a) == normal(b)
}

/// A value given on the command line or in the environment (clap merges
/// the two; the origin says which).
#[derive(Debug, Clone)]
pub struct Given<T> {
    pub value: T,
    pub origin: Origin,
}

/// What the command line and the environment gave.
#[derive(Debug, Default)]
pub struct Flags {
    pub node: Option<Given<String>>,
    pub ca: Option<Given<PathBuf>>,
    pub token: Option<Given<Secret>>,
    pub token_file: Option<Given<PathBuf>>,
}

/// Where the token comes from.
#[derive(Debug, Clone)]
pub enum TokenSource {
    /// `--token`, `LIAISON_TOKEN` or the file's `token`.
    Text(Secret, Origin),
    /// `--token-file`, `LIAISON_TOKEN_FILE` or the file's `token_file`.
    File(PathBuf, Origin),
}

impl TokenSource {
    pub fn origin(&self) -> &Origin {
        match self {
            TokenSource::Text(_, origin) | TokenSource::File(_, origin) => origin,
        }
    }

    /// Where it was given, in the words of an error message.
    fn name(&self) -> String {
        match self {
            TokenSource::Text(_, Origin::File(path)) => {
                format!("`token` in config file {}", path.display())
            }
            TokenSource::File(_, Origin::File(path)) => {
                format!("`token_file` in config file {}", path.display())
            }
            TokenSource::Text(..) => "--token".to_string(),
            TokenSource::File(..) => "--token-file".to_string(),
        }
    }

    /// The option or key at fault in a failure.
    fn field(&self) -> &'static str {
        match self {
            TokenSource::Text(_, Origin::File(_)) => "token",
            TokenSource::File(_, Origin::File(_)) => "token_file",
            TokenSource::Text(..) => "--token",
            TokenSource::File(..) => "--token-file",
        }
    }

    /// The token's text.
    pub fn secret(&self) -> Result<Secret, Failure> {
        match self {
            TokenSource::Text(secret, _) => Ok(secret.clone()),
            TokenSource::File(path, _) => {
                let mut text = String::new();
                std::fs::File::open(path)
                    .and_then(|file| file.take(MAX_TOKEN_BYTES + 1).read_to_string(&mut text))
                    .map_err(|e| {
                        Failure::invalid(
                            self.field(),
                            format!("{}: cannot read {}: {e}", self.name(), path.display()),
                        )
                    })?;
                if text.len() as u64 > MAX_TOKEN_BYTES {
                    return Err(Failure::invalid(
                        self.field(),
                        format!(
                            "{}: {} is larger than {MAX_TOKEN_BYTES} bytes: it is not a token",
                            self.name(),
                            path.display()
                        ),
                    ));
                }
                Ok(Secret::new(&text))
            }
        }
    }

    /// The interceptor sending the token.
    pub fn bearer(&self) -> Result<BearerToken, Failure> {
        self.secret()?
            .bearer()
            .map_err(|rule| Failure::invalid(self.field(), format!("{}: {rule}", self.name())))
    }
}

/// The settings a command runs with.
#[derive(Debug)]
pub struct Settings {
    pub node: Given<String>,
    pub ca: Option<Given<PathBuf>>,
    pub token: Option<TokenSource>,
    /// The config file read, if any.
    pub file: Option<ConfigFile>,
}

impl Settings {
    /// Each setting from the command line, else the environment, else the
    /// file (its `ca` and token only for its own node), else the default.
    pub fn resolve(flags: Flags, file: Option<ConfigFile>) -> Settings {
        let node = flags
            .node
            .or_else(|| {
                let file = file.as_ref()?;
                Some(Given {
                    value: file.node.clone()?,
                    origin: Origin::File(file.path.clone()),
                })
            })
            .unwrap_or_else(|| Given {
                value: DEFAULT_NODE.to_string(),
                origin: Origin::Default,
            });
        let own = file.as_ref().filter(|f| same_node(f.node(), &node.value));
        let ca = flags.ca.or_else(|| {
            let file = own?;
            Some(Given {
                value: file.ca.clone()?,
                origin: Origin::File(file.path.clone()),
            })
        });
        let given = [
            flags
                .token
                .map(|t| TokenSource::Text(t.value, t.origin.clone())),
            flags
                .token_file
                .map(|t| TokenSource::File(t.value, t.origin.clone())),
        ];
        // The command line before the environment; of two given the same
        // way, --token before --token-file.
        let token = [Origin::CommandLine, Origin::Environment]
            .iter()
            .find_map(|wanted| {
                given
                    .iter()
                    .flatten()
                    .find(|source| source.origin() == wanted)
                    .cloned()
            })
            .or_else(|| {
                let file = own?;
                let origin = Origin::File(file.path.clone());
                match (&file.token, &file.token_file) {
                    (Some(token), _) => Some(TokenSource::Text(token.clone(), origin)),
                    (None, Some(path)) => Some(TokenSource::File(path.clone(), origin)),
                    (None, None) => None,
                }
            });
        Settings {
            node,
            ca,
            token,
            file,
        }
    }

    /// The token to send, or why there is none.
    pub fn bearer(&self) -> Result<BearerToken, Failure> {
        match &self.token {
            Some(source) => source.bearer(),
            None => Err(self.no_token()),
        }
    }

    fn no_token(&self) -> Failure {
        let node = &self.node.value;
        let message = match &self.file {
            Some(file) if file.holds_token() => format!(
                "no token for {node}: the token in config file {} is for {}, and it is sent to \
                 no other node; give your token with --token-file (or --token, \
                 LIAISON_TOKEN_FILE, LIAISON_TOKEN), or store one for this node with `liaison \
                 --node {node} login`",
                file.path.display(),
                file.node()
            ),
            _ => "give your token with --token-file (or --token, LIAISON_TOKEN_FILE, \
                  LIAISON_TOKEN), or store it with `liaison login`"
                .to_string(),
        };
        Failure::new("UNAUTHENTICATED", Some("--token"), message)
    }

    /// Where to say the token came from when the node refuses it.
    pub fn token_origin(&self) -> Option<&Origin> {
        self.token.as_ref().map(TokenSource::origin)
    }
}

/// Writes `text` to `path` as a file only its owner can read: a new file
/// created with mode 0600 beside it (never a wider file narrowed), written
/// and synced, then renamed over `path`; the directory, created with mode
/// 0700 if missing, is synced after.
pub fn write_private(path: &Path, text: &str) -> Result<(), Failure> {
    let fail =
        |what: &str, e: std::io::Error| file_error(path, "--config", format!("cannot {what}: {e}"));
    let dir = path.parent().unwrap_or(Path::new("/"));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| fail(&format!("create its directory {}", dir.display()), e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "config.toml".to_string());
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let temp = dir.join(format!(".{name}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
        {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(fail("create a new file beside it", e)),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail("write it", e));
    }
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| fail("sync its directory", e))
}

/// The file's text with `node`, `ca` and `token` set (a missing `ca`
/// removed, and `token_file`, which a stored token replaces), every other
/// line and comment kept.
pub fn with_login(
    file: Option<&ConfigFile>,
    path: &Path,
    node: &str,
    ca: Option<&Path>,
    token: &Secret,
) -> Result<String, Failure> {
    let mut document = edit(file, path)?;
    document["node"] = toml_edit::value(node);
    match ca {
        Some(ca) => {
            let text = ca.to_str().ok_or_else(|| {
                Failure::invalid("--ca", format!("--ca: {} is not UTF-8", ca.display()))
            })?;
            document["ca"] = toml_edit::value(text);
        }
        None => {
            document.remove("ca");
        }
    }
    document["token"] = toml_edit::value(token.expose());
    document.remove("token_file");
    Ok(document.to_string())
}

/// The file's text without its token (`token` and `token_file`), or `None`
/// if it holds none.
pub fn without_token(file: &ConfigFile) -> Result<Option<String>, Failure> {
    if !file.holds_token() {
        return Ok(None);
    }
    let mut document = edit(Some(file), &file.path)?;
    document.remove("token");
    document.remove("token_file");
    Ok(Some(document.to_string()))
}

fn edit(file: Option<&ConfigFile>, path: &Path) -> Result<toml_edit::DocumentMut, Failure> {
    match file {
        Some(file) => file
            .text
            .parse()
            .map_err(|_| file_error(path, "--config", "cannot be edited as TOML")),
        None => Ok(toml_edit::DocumentMut::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    const TOKEN: &str = "s3cret-token-never-shown";

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    fn write(dir: &Path, text: &str, mode: u32) -> Location {
        let path = dir.join("config.toml");
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        Location { path, named: true }
    }

    fn read(location: &Location) -> Result<Option<ConfigFile>, Failure> {
        ConfigFile::read(location, Exposure::Refuse)
    }

    #[test]
    fn relative_paths_are_relative_to_the_file() {
        let dir = dir();
        let location = write(
            dir.path(),
            "node = \"https://tha.example:7401\"\nca = \"local-ca.pem\"\n",
            0o644,
        );
        let file = read(&location).unwrap().unwrap();
        assert_eq!(file.ca, Some(dir.path().join("local-ca.pem")));
        let location = write(dir.path(), "token_file = \"/abs/t.token\"\n", 0o644);
        let file = read(&location).unwrap().unwrap();
        assert_eq!(file.token_file, Some(PathBuf::from("/abs/t.token")));
        assert_eq!(file.node(), DEFAULT_NODE);
    }

    #[test]
    fn a_token_others_can_read_is_refused_with_the_fix() {
        let dir = dir();
        for mode in [0o640, 0o604, 0o620, 0o660] {
            let location = write(dir.path(), &format!("token = \"{TOKEN}\"\n"), mode);
            let error = read(&location).unwrap_err();
            let path = location.path.display().to_string();
            assert!(error.message.contains(&path), "{}", error.message);
            assert!(
                error.message.contains(&format!("run `chmod 600 {path}`")),
                "{}",
                error.message
            );
            assert!(
                error.message.contains(&format!("(mode {mode:04o})")),
                "{}",
                error.message
            );
            assert!(!error.message.contains(TOKEN));
            // login and logout may still read it, to replace it.
            assert!(ConfigFile::read(&location, Exposure::Replace).is_ok());
        }
        let location = write(dir.path(), &format!("token = \"{TOKEN}\"\n"), 0o600);
        assert!(read(&location).unwrap().unwrap().token.is_some());
        // Without a token, the file is no secret.
        let location = write(dir.path(), "node = \"http://127.0.0.1:7401\"\n", 0o644);
        assert!(read(&location).is_ok());
    }

    #[test]
    fn unknown_keys_are_refused_by_name() {
        let dir = dir();
        let location = write(dir.path(), "node = \"http://a:1\"\ntokn = \"x\"\n", 0o600);
        let error = read(&location).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("tokn"));
        assert!(
            error.message.contains("line 2: unknown key `tokn`"),
            "{}",
            error.message
        );
        assert!(error.message.contains("node, ca, token and token_file"));
    }

    #[test]
    fn errors_never_quote_a_token() {
        let dir = dir();
        for text in [
            format!("token = {TOKEN}\n"),
            format!("token = \"{TOKEN}\n"),
            format!("token = '''{TOKEN}"),
            format!("token = [\"{TOKEN}\"]\n"),
            format!("{TOKEN}\n"),
            format!("token = \"{TOKEN}\"\ntoken = \"{TOKEN}\"\n"),
            format!("token = \"{TOKEN}\"\ntoken_file = \"t\"\n"),
            format!("token = \"{TOKEN}\u{7}\"\n"),
            "token = \"\"\n".to_string(),
            "token = 12345678\n".to_string(),
        ] {
            let location = write(dir.path(), &text, 0o600);
            let Err(error) = read(&location) else {
                panic!("accepted: {text:?}");
            };
            assert!(
                error.message.contains(&location.path.display().to_string()),
                "{}",
                error.message
            );
            assert!(!error.message.contains(TOKEN), "{}", error.message);
            assert!(!error.message.contains("12345678"), "{}", error.message);
        }
    }

    #[test]
    fn keys_are_checked_together() {
        let dir = dir();
        let error = read(&write(dir.path(), "node = \"127.0.0.1:7401\"\n", 0o600)).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("node"));
        let error = read(&write(
            dir.path(),
            "node = \"http://127.0.0.1:7401\"\nca = \"ca.pem\"\n",
            0o600,
        ))
        .unwrap_err();
        assert_eq!(error.field.as_deref(), Some("ca"));
        assert!(error.message.contains("plain http://"), "{}", error.message);
    }

    fn given<T>(value: T, origin: Origin) -> Option<Given<T>> {
        Some(Given { value, origin })
    }

    fn file_for(node: Option<&str>) -> ConfigFile {
        ConfigFile {
            path: PathBuf::from("/home/u/.config/liaison/config.toml"),
            node: node.map(str::to_string),
            ca: Some(PathBuf::from("/home/u/.config/liaison/ca.pem")),
            token: Some(Secret::new("from-file")),
            token_file: None,
            text: String::new(),
        }
    }

    fn token_of(settings: &Settings) -> Option<(String, Origin)> {
        settings.token.as_ref().map(|t| match t {
            TokenSource::Text(s, o) => (s.expose().to_string(), o.clone()),
            TokenSource::File(p, o) => (p.display().to_string(), o.clone()),
        })
    }

    #[test]
    fn the_command_line_beats_the_environment_beats_the_file() {
        let node = "https://tha.example:7401";
        let file_origin = Origin::File(file_for(None).path);
        // The file alone.
        let settings = Settings::resolve(Flags::default(), Some(file_for(Some(node))));
        assert_eq!(settings.node.value, node);
        assert_eq!(settings.node.origin, file_origin);
        assert_eq!(
            token_of(&settings),
            Some(("from-file".into(), file_origin.clone()))
        );
        assert!(settings.ca.is_some());
        // The environment's token over the file's.
        let flags = Flags {
            token: given(Secret::new("from-env"), Origin::Environment),
            ..Flags::default()
        };
        let settings = Settings::resolve(flags, Some(file_for(Some(node))));
        assert_eq!(
            token_of(&settings),
            Some(("from-env".into(), Origin::Environment))
        );
        // A --token-file on the command line over LIAISON_TOKEN.
        let flags = Flags {
            token: given(Secret::new("from-env"), Origin::Environment),
            token_file: given(PathBuf::from("/t"), Origin::CommandLine),
            ..Flags::default()
        };
        let settings = Settings::resolve(flags, Some(file_for(Some(node))));
        assert_eq!(
            token_of(&settings),
            Some(("/t".into(), Origin::CommandLine))
        );
        // Nothing at all: the default node, no token.
        let settings = Settings::resolve(Flags::default(), None);
        assert_eq!(settings.node.value, DEFAULT_NODE);
        assert_eq!(settings.node.origin, Origin::Default);
        assert!(settings.bearer().is_err());
    }

    #[test]
    fn the_files_token_and_ca_stay_with_its_node() {
        let flags = Flags {
            node: given("http://127.0.0.1:9".to_string(), Origin::CommandLine),
            ..Flags::default()
        };
        let settings = Settings::resolve(flags, Some(file_for(Some("https://tha.example:7401"))));
        assert!(settings.token.is_none());
        assert!(settings.ca.is_none());
        let error = settings.bearer().unwrap_err();
        assert!(
            error.message.contains("is for https://tha.example:7401"),
            "{}",
            error.message
        );
        assert!(!error.message.contains("from-file"));
        // The same node, written differently.
        let flags = Flags {
            node: given("HTTPS://THA.example:7401/".to_string(), Origin::Environment),
            ..Flags::default()
        };
        let settings = Settings::resolve(flags, Some(file_for(Some("https://tha.example:7401"))));
        assert!(settings.token.is_some());
        // A file without `node` is for the default node.
        let settings = Settings::resolve(Flags::default(), Some(file_for(None)));
        assert!(settings.token.is_some());
    }

    #[test]
    fn login_keeps_comments_and_other_keys_and_logout_only_the_token() {
        let dir = dir();
        let location = write(
            dir.path(),
            "# my node\nnode = \"http://old:1\"\ntoken_file = \"t.token\"\n",
            0o600,
        );
        let file = read(&location).unwrap();
        let text = with_login(
            file.as_ref(),
            &location.path,
            "https://tha.example:7401",
            Some(Path::new("/etc/liaison/ca.pem")),
            &Secret::new(TOKEN),
        )
        .unwrap();
        assert!(text.contains("# my node"), "{text}");
        assert!(!text.contains("token_file"), "{text}");
        write_private(&location.path, &text).unwrap();
        let mode = std::fs::metadata(&location.path).unwrap().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let file = read(&location).unwrap().unwrap();
        assert_eq!(file.node(), "https://tha.example:7401");
        assert_eq!(file.token.as_ref().map(Secret::expose), Some(TOKEN));
        assert_eq!(file.ca, Some(PathBuf::from("/etc/liaison/ca.pem")));
        let text = without_token(&file).unwrap().unwrap();
        assert!(!text.contains(TOKEN), "{text}");
        assert!(
            text.contains("node = \"https://tha.example:7401\""),
            "{text}"
        );
        assert!(text.contains("# my node"), "{text}");
        // No temp file is left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["config.toml"]);
    }

    #[test]
    fn a_new_directory_is_private() {
        let dir = dir();
        let path = dir.path().join("new/liaison/config.toml");
        write_private(&path, "node = \"http://a:1\"\n").unwrap();
        for d in [dir.path().join("new"), dir.path().join("new/liaison")] {
            assert_eq!(std::fs::metadata(&d).unwrap().mode() & 0o777, 0o700);
        }
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(shell_word(Path::new("/home/u/c.toml")), "/home/u/c.toml");
        assert_eq!(shell_word(Path::new("/home/my dir/c")), "'/home/my dir/c'");
        assert_eq!(shell_word(Path::new("/a'b")), r"'/a'\''b'");
    }
}
