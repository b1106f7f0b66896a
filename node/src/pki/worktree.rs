//! Keeping private keys and tokens out of git.
//!
//! `liaison-node init`, `federation` and `keygen` write secrets. A secret
//! written into a git work tree where git does not ignore it is one `git add
//! .` away from being committed and pushed, and a pushed key must be
//! replaced everywhere. So before writing, these commands ask
//! [`check_ignored`] about every file they would write, and refuse unless
//! each one lies outside any work tree or is ignored by git.
//!
//! A work tree is found by its `.git` entry (a directory, or the file of a
//! linked work tree or submodule), so no git is needed outside one. Inside
//! one, `git check-ignore` decides, with git's own rules (`.gitignore` at
//! every level, `.git/info/exclude`, the global excludes file; a tracked
//! file is never ignored). When git cannot answer (not installed, or it
//! refuses the repository), the file counts as not ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

/// Why secrets may not be written where they were going to be.
#[derive(Debug, thiserror::Error)]
pub enum WorkTreeError {
    /// Files in a git work tree that git does not ignore.
    #[error("{} is a git work tree that does not ignore {}", work_tree.display(), list(files))]
    NotIgnored {
        work_tree: PathBuf,
        /// The files, relative to the work tree.
        files: Vec<PathBuf>,
    },
    /// A file in a git work tree about which git could not say.
    #[error(
        "{} is in the git work tree {}, and git cannot tell whether it ignores it: {reason}",
        file.display(),
        work_tree.display()
    )]
    Unknown {
        work_tree: PathBuf,
        file: PathBuf,
        reason: String,
    },
    #[error("{}: {reason}", path.display())]
    Io { path: PathBuf, reason: String },
}

/// At most three files, and how many more.
fn list(files: &[PathBuf]) -> String {
    let shown: Vec<String> = files
        .iter()
        .take(3)
        .map(|f| f.display().to_string())
        .collect();
    match files.len() {
        0..=3 => shown.join(", "),
        n => format!("{} and {} more", shown.join(", "), n - 3),
    }
}

/// Succeeds when no file of `files` (which need not exist yet) lies in a
/// git work tree unless git ignores it there.
pub fn check_ignored(files: &[PathBuf]) -> Result<(), WorkTreeError> {
    // The files of each work tree, relative to it.
    let mut by_tree: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in files {
        let real = resolve(file)?;
        let Some(work_tree) = work_tree_of(&real) else {
            continue;
        };
        let relative = real
            .strip_prefix(work_tree)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| real.clone());
        by_tree
            .entry(work_tree.to_path_buf())
            .or_default()
            .insert(relative);
    }
    for (work_tree, files) in by_tree {
        let files: Vec<PathBuf> = files.into_iter().collect();
        let ignored = ignored_by_git(&work_tree, &files)?;
        let exposed: Vec<PathBuf> = files.into_iter().filter(|f| !ignored.contains(f)).collect();
        if !exposed.is_empty() {
            return Err(WorkTreeError::NotIgnored {
                work_tree,
                files: exposed,
            });
        }
    }
    Ok(())
}

/// `path` made absolute with every symbolic link resolved, as far as it
/// exists; the rest, which does not exist yet and so holds no links, is
/// applied as `create_dir_all` would (`..` going up a level).
fn resolve(path: &Path) -> Result<PathBuf, WorkTreeError> {
    let io = |path: &Path, e: std::io::Error| WorkTreeError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let absolute = std::path::absolute(path).map_err(|e| io(path, e))?;
    let mut real = PathBuf::new();
    let mut exists = true;
    for component in absolute.components() {
        let next = real.join(component);
        if exists && next.symlink_metadata().is_ok() {
            real = next.canonicalize().map_err(|e| io(&next, e))?;
            continue;
        }
        exists = false;
        match component {
            Component::ParentDir => {
                real.pop();
            }
            Component::CurDir => {}
            _ => real.push(component),
        }
    }
    Ok(real)
}

/// The innermost git work tree holding `path`: the nearest directory
/// above it with a `.git` entry.
fn work_tree_of(path: &Path) -> Option<&Path> {
    path.ancestors()
        .skip(1)
        .find(|dir| dir.join(".git").symlink_metadata().is_ok())
}

/// Which of `files` (relative to `work_tree`) git ignores there.
fn ignored_by_git(work_tree: &Path, files: &[PathBuf]) -> Result<BTreeSet<PathBuf>, WorkTreeError> {
    let unknown = |reason: String| WorkTreeError::Unknown {
        work_tree: work_tree.to_path_buf(),
        file: files.first().cloned().unwrap_or_default(),
        reason,
    };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(work_tree)
        .args(["check-ignore", "--stdin", "-z"])
        // Discover the repository from the work tree, whatever the caller's
        // environment points git at.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                unknown("git is not installed (or not on PATH)".into())
            } else {
                unknown(format!("cannot run git: {e}"))
            }
        })?;
    let mut input = Vec::new();
    for file in files {
        input.extend_from_slice(&path_bytes(file));
        input.push(0);
    }
    // The list is small (tens of short paths), far below a pipe's buffer,
    // so writing it all before reading the answer cannot block.
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(&input)
            .map_err(|e| unknown(format!("cannot talk to git: {e}")))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| unknown(format!("cannot run git: {e}")))?;
    // 0: some of the files are ignored; 1: none is.
    if !matches!(output.status.code(), Some(0 | 1)) {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(unknown(format!(
            "`git check-ignore` failed ({}): {}",
            output.status,
            stderr.trim()
        )));
    }
    let ignored: BTreeSet<Vec<u8>> = output
        .stdout
        .split(|b| *b == 0)
        .filter(|name| !name.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    Ok(files
        .iter()
        .filter(|f| ignored.contains(&path_bytes(f)))
        .cloned()
        .collect())
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    path.to_string_lossy().replace('\\', "/").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs git in `dir`; `false` when git is not installed.
    fn git(dir: &Path, args: &[&str]) -> bool {
        match Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .output()
        {
            Ok(output) => {
                assert!(
                    output.status.success(),
                    "git {args:?}: {}",
                    String::from_utf8_lossy(&output.stderr)
                );
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => panic!("cannot run git: {e}"),
        }
    }

    #[test]
    fn files_outside_any_work_tree_pass_without_git() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            work_tree_of(&resolve(dir.path()).unwrap()).is_none(),
            "the temporary directory {} is inside a git work tree; these tests need one that is not",
            dir.path().display()
        );
        check_ignored(&[
            dir.path().join("fed/ca/ca.key"),
            dir.path().join("fed/tha/tokens/admin.token"),
        ])
        .unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn unignored_files_in_a_work_tree_are_named_and_ignored_ones_pass() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir(&repo).unwrap();
        if !git(&repo, &["init", "--quiet"]) {
            eprintln!("git is not installed: skipping the work tree checks that need it");
            return;
        }
        let files = [
            repo.join("fed/ca/ca.key"),
            repo.join("fed/tha/signing-key.pem"),
            repo.join("fed/tha/tokens/admin.token"),
            repo.join("fed/tha/tokens/auditor.token"),
        ];
        match check_ignored(&files) {
            Err(WorkTreeError::NotIgnored { work_tree, files }) => {
                assert_eq!(work_tree, repo.canonicalize().unwrap());
                assert_eq!(files.len(), 4);
                assert!(files.contains(&PathBuf::from("fed/ca/ca.key")), "{files:?}");
            }
            other => panic!("expected a refusal, got {other:?}"),
        }

        // Ignoring only some of them names only the others.
        std::fs::write(repo.join(".gitignore"), "*.key\ntokens/\n").unwrap();
        let error = check_ignored(&files).unwrap_err();
        assert!(
            matches!(&error, WorkTreeError::NotIgnored { files, .. }
                if files == &[PathBuf::from("fed/tha/signing-key.pem")]),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .ends_with("does not ignore fed/tha/signing-key.pem"),
            "{error}"
        );

        std::fs::write(repo.join(".gitignore"), "/fed/\n").unwrap();
        check_ignored(&files).unwrap();

        // A path reaching the work tree through a symbolic link is still in it.
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&repo, &link).unwrap();
        check_ignored(&[link.join("fed/ca/ca.key")]).unwrap();
        assert!(check_ignored(&[link.join("elsewhere/ca.key")]).is_err());
        // So is a path going through `..` out of an ignored directory.
        let error = check_ignored(&[repo.join("fed/new/../../ca.key")]).unwrap_err();
        assert!(
            matches!(&error, WorkTreeError::NotIgnored { files, .. }
                if files == &[PathBuf::from("ca.key")]),
            "{error:?}"
        );

        // A tracked file is not ignored, whatever the patterns say.
        std::fs::create_dir_all(repo.join("fed/ca")).unwrap();
        std::fs::write(repo.join("fed/ca/ca.key"), "committed by mistake").unwrap();
        assert!(git(&repo, &["add", "--force", "fed/ca/ca.key"]));
        let error = check_ignored(&files).unwrap_err();
        assert!(
            matches!(&error, WorkTreeError::NotIgnored { files, .. }
                if files == &[PathBuf::from("fed/ca/ca.key")]),
            "{error:?}"
        );
    }

    #[test]
    fn a_work_tree_git_cannot_read_counts_as_not_ignored() {
        // A `.git` that is no repository: git (if installed) refuses it, and
        // without git nothing can be known either way.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        let error = check_ignored(&[dir.path().join("node/signing-key.pem")]).unwrap_err();
        match &error {
            WorkTreeError::Unknown { file, .. } => {
                assert_eq!(file, Path::new("node/signing-key.pem"))
            }
            other => panic!("expected an unknown verdict, got {other:?}"),
        }
        assert!(
            error
                .to_string()
                .contains("git cannot tell whether it ignores it"),
            "{error}"
        );
    }
}
