//! The library through the real binary: import then search/people in later runs, kill -9 in the
//! middle of an import, a writer and readers at once, and files that are not a library.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "../benches/common/corpus.rs"]
mod corpus;

use byline::library::{Filter, Library};
use common::{byline_within, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const LIMIT: Duration = Duration::from_secs(120);

/// A fresh temporary folder (removed on drop).
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Self {
        let p = std::env::temp_dir().join(format!("byline-it-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }
    fn lib(&self) -> PathBuf {
        self.0.join("library.sqlite")
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(lib: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--library", lib.to_str().unwrap()];
    all.extend_from_slice(args);
    byline_within(&all, None, LIMIT)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn import_then_search_and_people_in_later_runs() {
    let dir = Dir::new("runs");
    let lib = dir.lib();
    let out = run(&lib, &["import", "assets/articles", "no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("byline: no-such-file.txt: "),
        "{}",
        stderr(&out)
    );
    let summary = stdout(&out);
    assert!(summary.starts_with("imported 10 new articles"), "{summary}");

    // Again: everything is already there.
    let out = run(&lib, &["import", "assets/articles"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 0 new articles") && stdout(&out).contains("10 already"),
        "{}",
        stdout(&out)
    );

    let out = run(&lib, &["search", "flood", "plan"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Osaka Mayor Sets Out Flood Plan"),
        "{}",
        stdout(&out)
    );

    let out = run(&lib, &["search", "Álvarez", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = v["articles"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{v}");
    assert!(
        found[0]["headline"]
            .as_str()
            .unwrap()
            .contains("Film Festival")
    );
    assert_eq!(found[0]["read"], false);

    // No match: exit 1, like grep. Odd input: never a crash.
    let out = run(&lib, &["search", "xylophonequartet"]);
    assert_eq!(out.status.code(), Some(1));
    for odd in ["\"", "NEAR(", "AND", "*", "(", ")", "🙂"] {
        let out = run(&lib, &["search", odd]);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{odd:?}: {:?} {}",
            out.status,
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    for nothing in ["\"", "(", "*"] {
        let out = run(&lib, &["search", nothing]);
        assert_eq!(out.status.code(), Some(2), "{nothing:?}");
        assert!(stderr(&out).contains("no words to search for"));
    }
    let out = run(&lib, &["search", "AND"]);
    assert!(
        stdout(&out).lines().count() > 1,
        "AND is searched as a word"
    );
    let out = run(&lib, &["search", "--fts", "NEAR(mayor"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot search for `NEAR(mayor`"),
        "{}",
        stderr(&out)
    );
    let out = run(&lib, &["search", "--fts", "flood OR festival"]);
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));

    let out = run(
        &lib,
        &[
            "people", "--format", "json", "--kind", "place", "--limit", "3",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let places = v["entities"].as_array().unwrap();
    assert_eq!(places.len(), 3, "{v}");
    assert!(places.iter().all(|p| p["kind"] == "place"));
    let counts: Vec<u64> = places
        .iter()
        .map(|p| p["articles"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(counts[0] >= 2, "{v}");

    let out = run(&lib, &["people", "--kind", "person", "--limit", "1"]);
    assert_eq!(
        stdout(&out),
        "person       Ana Duarte (Foreign Minister): 3 articles, 11 mentions\n"
    );

    // BYLINE_LIBRARY names the same library.
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["search", "festival"])
        .env("BYLINE_LIBRARY", &lib)
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Film Festival"));

    let out = run(&lib, &["prune", "--older-than", "90d"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("removed 0 "), "{}", stdout(&out));
    let out = run(&lib, &["prune", "--older-than", "0s"]);
    assert!(stdout(&out).contains("removed 10 "), "{}", stdout(&out));
    let out = run(&lib, &["search", "festival"]);
    assert_eq!(out.status.code(), Some(1));
}

fn spawn_import(lib: &Path, dir: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args([
            "--library",
            lib.to_str().unwrap(),
            "import",
            dir.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn kill_9_during_an_import_leaves_only_whole_articles() {
    let dir = Dir::new("kill");
    let corpus = dir.0.join("corpus");
    const N: usize = 2000;
    corpus::write_folder(&corpus, N, 7).unwrap();
    let lib_path = dir.lib();
    let mut child = spawn_import(&lib_path, &corpus);
    // Wait until at least one batch is committed, then kill it without warning.
    let deadline = Instant::now() + LIMIT;
    loop {
        assert!(Instant::now() < deadline, "no batch committed in time");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended before it could be killed; make the corpus bigger"
        );
        if lib_path.exists()
            && let Ok(lib) = Library::open(&lib_path)
            && lib.max_id().unwrap_or(0) > 0
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();

    let lib = Library::open(&lib_path).unwrap();
    lib.check().unwrap();
    let headlines = lib.headlines(&Filter::default()).unwrap();
    let stored = headlines.len();
    assert!(stored > 0 && stored < N, "{stored} of {N} stored");
    assert_eq!(
        stored % byline::library::IMPORT_BATCH,
        0,
        "whole batches only"
    );
    for h in &headlines {
        let s = lib.article(h.id).unwrap().unwrap();
        let file = std::fs::read(&s.article.source).unwrap();
        let want = byline::article::parse(&s.article.source, &file).articles;
        assert_eq!(
            want,
            std::slice::from_ref(&s.article),
            "article {} is not whole",
            h.id
        );
        assert_eq!(s.analysis, Some(byline::analyze(&s.article)));
    }
    drop(lib);

    // Importing again adds the rest.
    let out = run(&lib_path, &["import", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let want = format!("imported {} new articles", N - stored);
    assert!(stdout(&out).starts_with(&want), "{}", stdout(&out));
    let lib = Library::open(&lib_path).unwrap();
    assert_eq!(lib.counts().unwrap().articles, N);
    lib.check().unwrap();
}

#[test]
fn a_reader_and_an_import_at_once_never_see_database_is_locked() {
    let dir = Dir::new("concurrent");
    let corpus = dir.0.join("corpus");
    corpus::write_folder(&corpus, 1500, 3).unwrap();
    let lib_path = dir.lib();
    // The library exists, with the samples' articles, before the import starts.
    let out = run(&lib_path, &["import", "assets/articles"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let reader = Library::open(&lib_path).unwrap();
    let first = reader.headlines(&Filter::default()).unwrap();
    let mut seen = reader.max_id().unwrap();
    let mut picked_up = 0;

    let mut child = spawn_import(&lib_path, &corpus);
    let mut searches = 0;
    let mut flips = 0;
    while child.try_wait().unwrap().is_none() {
        // This process writes too (read/star), while the import holds write transactions.
        let id = first[flips % first.len()].id;
        reader.set_read(id, flips % 2 == 0).unwrap();
        reader.set_starred(id, flips % 3 == 0).unwrap();
        flips += 1;
        // The reader picks up what the import committed since it last looked.
        let new = reader
            .headlines(&Filter {
                after: Some(seen),
                ..Filter::default()
            })
            .unwrap();
        if let Some(last) = new.last() {
            picked_up += new.len();
            seen = seen.max(last.id);
        }
        // And another process searches.
        if searches < 5 {
            let out = run(&lib_path, &["search", "minister"]);
            assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
            assert!(!stderr(&out).contains("locked"), "{}", stderr(&out));
            searches += 1;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("locked"), "{}", stderr(&out));
    assert!(flips > 0 && searches > 0);
    let rest = reader
        .headlines(&Filter {
            after: Some(seen),
            ..Filter::default()
        })
        .unwrap();
    picked_up += rest.len();
    assert_eq!(picked_up, 1500);
    assert_eq!(reader.counts().unwrap().articles, 1510);
    reader.check().unwrap();
}

#[test]
fn a_file_that_is_not_a_library_is_refused_untouched() {
    let dir = Dir::new("notlib");
    let lib = dir.lib();
    let content = "my notes, not a database\n".repeat(100);
    std::fs::write(&lib, &content).unwrap();
    // The reader (no arguments) as well as the verbs.
    for args in [
        &[][..],
        &["import", "assets/articles"],
        &["search", "mayor"],
        &["people"],
        &["prune", "--older-than", "0s"],
    ] {
        let out = run(&lib, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(lib.to_str().unwrap()), "{err}");
        assert!(err.contains("not a byline library"), "{err}");
        assert!(err.contains("left untouched"), "{err}");
        assert_eq!(std::fs::read_to_string(&lib).unwrap(), content);
    }
    assert_eq!(
        std::fs::read_dir(&dir.0).unwrap().count(),
        1,
        "no -wal/-shm"
    );
}

#[test]
fn a_library_that_cannot_be_created_is_a_clear_error() {
    let dir = Dir::new("nocreate");
    // Its folder would have to be inside a file: fails for every user, root included.
    std::fs::write(dir.0.join("file"), b"x").unwrap();
    let lib = dir.0.join("file/library.sqlite");
    // The verbs and the reader (no arguments) alike.
    for args in [&["import", "assets/articles"][..], &[]] {
        let out = run(&lib, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(lib.to_str().unwrap()), "{err}");
        assert!(err.contains("cannot open or write the library"), "{err}");
    }
}

#[test]
fn the_reader_refuses_a_library_from_a_newer_byline_and_leaves_it() {
    let dir = Dir::new("newer-reader");
    let lib = dir.lib();
    assert_eq!(
        run(&lib, &["import", "assets/articles"]).status.code(),
        Some(0)
    );
    let version: i64 = {
        let c = rusqlite::Connection::open(&lib).unwrap();
        let v: i64 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        c.pragma_update(None, "user_version", v + 1).unwrap();
        v + 1
    };
    let before = std::fs::read(&lib).unwrap();
    let out = run(&lib, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(lib.to_str().unwrap()), "{err}");
    assert!(err.contains("newer byline"), "{err}");
    assert_eq!(std::fs::read(&lib).unwrap(), before, "left as it was");
    let c = rusqlite::Connection::open(&lib).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, version);
}

/// A library whose folder cannot be written: exit 1, a message naming the file, nothing
/// created. Two folders: `/sys` (sysfs, where no one may create a file, root included, so the
/// check runs whoever runs the tests), and a folder made read-only by its permissions (which
/// root ignores: that half runs for other users only).
#[cfg(unix)]
#[test]
fn a_read_only_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let check = |lib: &Path| {
        // The verbs and the reader (no arguments) alike.
        for args in [&["import", "assets/articles"][..], &[]] {
            let out = run(lib, args);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains(lib.to_str().unwrap()), "{err}");
            assert!(err.contains("cannot open or write the library"), "{err}");
            let name = lib.file_name().unwrap().to_str().unwrap();
            let left: Vec<_> = std::fs::read_dir(lib.parent().unwrap())
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().starts_with(name))
                .map(|e| e.file_name())
                .collect();
            assert!(left.is_empty(), "nothing created: {left:?}");
        }
    };

    let sys = Path::new("/sys");
    let probe = sys.join(format!("byline-probe-{}", std::process::id()));
    if sys.is_dir() && std::fs::write(&probe, b"").is_err() {
        check(&sys.join(format!("byline-library-{}.sqlite", std::process::id())));
    } else {
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped /sys: absent, or a file can be created there");
    }

    let dir = Dir::new("readonly");
    let ro = dir.0.join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let restore = || std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755));
    if std::fs::write(ro.join("probe"), b"").is_ok() {
        // Root ignores folder permissions: the /sys half above is its check.
        let _ = std::fs::remove_file(ro.join("probe"));
        restore().unwrap();
        eprintln!("skipped the 0o555 folder: this user can write into it (root)");
        return;
    }
    let result = std::panic::catch_unwind(|| check(&ro.join("library.sqlite")));
    restore().unwrap();
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}
