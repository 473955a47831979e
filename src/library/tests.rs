use super::*;
use crate::analysis::corpus::normalise_name;
use crate::analysis::{self, Entity};
use crate::article::Span;

/// A fresh temporary folder (removed on drop).
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Self {
        let p = std::env::temp_dir().join(format!(
            "byline-lib-{name}-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
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

fn article(name: &str, headline: &str, body: &str) -> Article {
    let text = format!("{headline}\n\n{body}");
    crate::article::parse(name, text.as_bytes())
        .articles
        .into_iter()
        .next()
        .unwrap()
}

fn add(lib: &Library, articles: Vec<Article>) -> (usize, usize) {
    let prepared: Vec<Prepared> = articles.into_iter().map(Prepared::new).collect();
    lib.add(&prepared).unwrap()
}

fn person(name: &str) -> EntityKey {
    EntityKey {
        kind: EntityKind::Person,
        name: normalise_name(name),
    }
}

/// The ids of every article listed, in the list's order.
fn ids(lib: &Library) -> Vec<ArticleId> {
    lib.headlines(&Filter::default())
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect()
}

fn three(lib: &Library) {
    add(
        lib,
        vec![
            article(
                "a.txt",
                "Mayor opens the bridge",
                "Mayor Kenji Watanabe said the bridge would open on Monday. \"It is ready,\" Watanabe said.",
            ),
            article(
                "b.txt",
                "Rail strike ends",
                "Union leader Ana Lima said drivers would return to work in Lisbon.",
            ),
            article(
                "c.txt",
                "Flood plan for Osaka",
                "Kenji Watanabe, the mayor of Osaka, set out a flood plan for the city.",
            ),
        ],
    );
}

#[test]
fn a_new_file_gets_the_latest_schema_and_reopens() {
    let dir = Dir::new("new");
    let lib = Library::open(&dir.lib()).unwrap();
    assert_eq!(lib.schema_version().unwrap(), schema::LATEST);
    assert_eq!(lib.counts().unwrap(), Counts::default());
    assert_eq!(lib.max_id().unwrap(), 0);
    drop(lib);
    let lib = Library::open(&dir.lib()).unwrap();
    assert_eq!(lib.schema_version().unwrap(), schema::LATEST);
}

#[test]
fn an_empty_file_and_a_missing_folder_are_created() {
    let dir = Dir::new("empty");
    std::fs::write(dir.lib(), b"").unwrap();
    let lib = Library::open(&dir.lib()).unwrap();
    assert_eq!(lib.schema_version().unwrap(), schema::LATEST);
    let nested = dir.0.join("a/b/library.sqlite");
    Library::open(&nested).unwrap();
    assert!(nested.is_file());
}

#[test]
fn migration_runs_from_an_empty_sqlite_database() {
    let dir = Dir::new("migrate");
    // An SQLite file with no tables and version 0, as an older/other tool may leave it.
    Connection::open(dir.lib())
        .unwrap()
        .execute_batch("PRAGMA journal_mode = DELETE; VACUUM;")
        .unwrap();
    let lib = Library::open(&dir.lib()).unwrap();
    assert_eq!(lib.schema_version().unwrap(), schema::LATEST);
    three(&lib);
    assert_eq!(lib.counts().unwrap().articles, 3);
    lib.check().unwrap();
    lib.conn
        .execute("DELETE FROM bodies WHERE id = 1", [])
        .unwrap();
    assert!(
        lib.check()
            .unwrap_err()
            .to_string()
            .contains("without text")
    );
}

#[test]
fn a_library_from_a_newer_byline_is_refused_and_untouched() {
    let dir = Dir::new("newer");
    drop(Library::open(&dir.lib()).unwrap());
    {
        let c = Connection::open(dir.lib()).unwrap();
        c.pragma_update(None, "user_version", schema::LATEST + 1)
            .unwrap();
        c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)").unwrap();
    }
    let before = std::fs::read(dir.lib()).unwrap();
    let err = Library::open(&dir.lib()).unwrap_err();
    assert!(matches!(err, Error::Newer { found, .. } if found == schema::LATEST + 1));
    let msg = err.to_string();
    assert!(msg.contains("newer byline"), "{msg}");
    assert!(msg.contains(&dir.lib().display().to_string()), "{msg}");
    assert_eq!(std::fs::read(dir.lib()).unwrap(), before);
}

#[test]
fn a_non_sqlite_file_is_refused_and_untouched() {
    let dir = Dir::new("notsqlite");
    let junk = b"This is my diary, not a database. \x00\x01\x02 and it is long enough to look like a header".repeat(50);
    std::fs::write(dir.lib(), &junk).unwrap();
    let err = Library::open(&dir.lib()).unwrap_err();
    assert!(matches!(err, Error::NotALibrary { .. }), "{err}");
    assert!(err.to_string().contains("library.sqlite"), "{err}");
    assert_eq!(std::fs::read(dir.lib()).unwrap(), junk);
    assert!(!dir.0.join("library.sqlite-wal").exists());
}

#[test]
fn a_corrupted_library_is_refused_and_untouched() {
    let dir = Dir::new("corrupt");
    {
        let lib = Library::open(&dir.lib()).unwrap();
        three(&lib);
        lib.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    // Keep the header, trash everything after it (schema pages included).
    let mut bytes = std::fs::read(dir.lib()).unwrap();
    for (i, b) in bytes.iter_mut().enumerate().skip(100) {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(dir.lib(), &bytes).unwrap();
    let err = Library::open(&dir.lib()).unwrap_err();
    assert!(
        matches!(err, Error::Damaged { .. } | Error::NotALibrary { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("library.sqlite"), "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(dir.lib()).unwrap(), bytes);
}

#[test]
fn another_programs_database_is_refused() {
    let dir = Dir::new("other");
    Connection::open(dir.lib())
        .unwrap()
        .execute_batch("CREATE TABLE recipes (name TEXT);")
        .unwrap();
    let err = Library::open(&dir.lib()).unwrap_err();
    assert!(err.to_string().contains("another program"), "{err}");
    let c = Connection::open(dir.lib()).unwrap();
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn a_folder_at_the_library_path_is_refused() {
    let dir = Dir::new("folder");
    std::fs::create_dir(dir.lib()).unwrap();
    let err = Library::open(&dir.lib()).unwrap_err();
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn read_and_star_persist_across_reopen() {
    let dir = Dir::new("state");
    {
        let lib = Library::open(&dir.lib()).unwrap();
        three(&lib);
        let ids = ids(&lib);
        lib.set_read(ids[0], true).unwrap();
        lib.set_starred(ids[1], true).unwrap();
        lib.set_read(ids[2], true).unwrap();
        lib.set_read(ids[2], false).unwrap();
    }
    let lib = Library::open(&dir.lib()).unwrap();
    let h = lib.headlines(&Filter::default()).unwrap();
    let state: Vec<_> = h.iter().map(|h| (h.read, h.starred)).collect();
    assert_eq!(state, [(true, false), (false, true), (false, false)]);
    assert_eq!(
        lib.counts().unwrap(),
        Counts {
            articles: 3,
            unread: 2,
            starred: 1
        }
    );
    let unread = lib
        .headlines(&Filter {
            unread_only: true,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(unread.len(), 2);
    let starred = lib
        .headlines(&Filter {
            starred_only: true,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(starred.len(), 1);
    assert_eq!(starred[0].title, "Rail strike ends");
    let stored = lib.article(h[0].id).unwrap().unwrap();
    assert!(stored.read && !stored.starred);
}

#[test]
fn the_same_content_is_stored_once() {
    let dir = Dir::new("dedup");
    let lib = Library::open(&dir.lib()).unwrap();
    let a = article("one.txt", "Same story", "Ana Lima said so.");
    let mut b = a.clone();
    b.source = "two.txt".into();
    assert_eq!(add(&lib, vec![a.clone(), b]), (1, 1));
    assert_eq!(add(&lib, vec![a]), (0, 1));
    let other = article("three.txt", "Same story", "Ana Lima said otherwise.");
    assert_eq!(add(&lib, vec![other]), (1, 0));
    assert_eq!(lib.counts().unwrap().articles, 2);
}

#[test]
fn an_article_comes_back_whole_with_its_analysis() {
    let dir = Dir::new("roundtrip");
    let lib = Library::open(&dir.lib()).unwrap();
    let a = article(
        "a.md",
        "Mayor opens the bridge",
        "By Zoë Brontë\n\n\"It is ready,\" Mayor Kenji Watanabe said in Osaka.",
    );
    let analysis = analysis::analyze(&a);
    assert!(!analysis.entities.is_empty());
    add(&lib, vec![a.clone()]);
    let id = lib.max_id().unwrap();
    let stored = lib.article(id).unwrap().unwrap();
    assert_eq!(stored.article, a);
    assert_eq!(stored.analysis.as_ref(), Some(&analysis));
    assert!(lib.article(id + 1).unwrap().is_none());
}

#[test]
fn search_finds_words_in_headline_text_byline_and_entity_names() {
    let dir = Dir::new("search");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let find = |q: Query| -> Vec<String> {
        lib.headlines(&Filter {
            query: Some(q),
            ..Filter::default()
        })
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect()
    };
    assert_eq!(
        find(Query::Words("bridge".into())),
        ["Mayor opens the bridge"]
    );
    assert_eq!(
        find(Query::Words("LISBON drivers".into())),
        ["Rail strike ends"]
    );
    assert_eq!(find(Query::Words("watanabe".into())).len(), 2);
    assert_eq!(find(Query::Prefix("osa".into())), ["Flood plan for Osaka"]);
    assert!(find(Query::Words("osa".into())).is_empty());
    // Headline matches rank first.
    assert_eq!(
        find(Query::Words("flood".into()))[0],
        "Flood plan for Osaka"
    );
    assert_eq!(find(Query::Fts("bridge OR strike".into())).len(), 2);
    // Combined with the other filters.
    let id = lib.max_id().unwrap();
    lib.set_read(id, true).unwrap();
    let unread = lib
        .headlines(&Filter {
            query: Some(Query::Words("watanabe".into())),
            unread_only: true,
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(unread.len(), 1);
}

#[test]
fn odd_query_input_never_breaks_search() {
    let dir = Dir::new("odd");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    add(
        &lib,
        vec![article(
            "u.txt",
            "Zoë Brontë à Genève",
            "Le maire de Genève a parlé. 東京 and AND and NEAR were words here.",
        )],
    );
    let odd = [
        "",
        " ",
        "\"",
        "\"\"",
        "AND",
        "OR",
        "NOT",
        "*",
        "(",
        ")",
        "NEAR(",
        "NEAR(a b",
        "a:",
        "headline:",
        "^",
        "-",
        "+",
        "'",
        "a\"b",
        "\u{0}",
        "🙂",
        "東京",
        "Genève",
        "geneve",
        "bridge AND",
        "(bridge",
        "bridge*",
        "\"bridge",
        "NOT bridge",
        "col:umn",
        "a OR",
        "\\",
        "%",
        "_",
        ";DROP TABLE articles;--",
    ];
    for q in odd {
        for query in [Query::Words(q.into()), Query::Prefix(q.into())] {
            let r = lib.headlines(&Filter {
                query: Some(query.clone()),
                ..Filter::default()
            });
            assert!(r.is_ok(), "{query:?}: {:?}", r.err());
        }
        // Raw FTS5 syntax may be wrong, but then it is a clear Query error, never a crash.
        match lib.headlines(&Filter {
            query: Some(Query::Fts(q.into())),
            ..Filter::default()
        }) {
            Ok(_) => {}
            Err(Error::Query { detail, .. }) => assert!(!detail.is_empty()),
            Err(e) => panic!("{q:?}: {e:?}"),
        }
    }
    let find = |q: &str| {
        lib.headlines(&Filter {
            query: Some(Query::Words(q.into())),
            ..Filter::default()
        })
        .unwrap()
        .len()
    };
    assert_eq!(find("AND"), 1, "AND is a word like any other");
    assert_eq!(find("NEAR("), 1);
    assert_eq!(find("東京"), 1);
    assert_eq!(find("geneve"), 1, "diacritics are folded");
    assert_eq!(find("GENÈVE"), 1);
    assert_eq!(find("\""), 4, "nothing to search for filters nothing");
    assert_eq!(lib.counts().unwrap().articles, 4);
    let err = lib
        .headlines(&Filter {
            query: Some(Query::Fts("NEAR(".into())),
            ..Filter::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("NEAR("), "{err}");
}

#[test]
fn the_entity_index_spans_the_library() {
    let dir = Dir::new("entities");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let ids = ids(&lib);
    let kenji = person("Kenji Watanabe");
    assert_eq!(lib.articles_mentioning(&kenji).unwrap(), [ids[0], ids[2]]);
    assert_eq!(lib.next_mentioning(&kenji, ids[0]).unwrap(), Some(ids[2]));
    assert_eq!(lib.next_mentioning(&kenji, ids[2]).unwrap(), None);
    assert_eq!(
        lib.previous_mentioning(&kenji, ids[2]).unwrap(),
        Some(ids[0])
    );
    assert_eq!(lib.previous_mentioning(&kenji, ids[0]).unwrap(), None);
    let e = lib.entity(&kenji).unwrap().unwrap();
    assert_eq!(e.articles, 2);
    assert!(e.mentions >= 3, "{e:?}");
    assert!(lib.entity(&person("Nobody")).unwrap().is_none());
    let filtered = lib
        .headlines(&Filter {
            entity: Some(kenji.clone()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(filtered.len(), 2);
    let people = lib.entities(Some(EntityKind::Person), 10).unwrap();
    assert_eq!(people[0].key, kenji);
    assert!(people.iter().all(|e| e.key.kind == EntityKind::Person));
    assert!(people.iter().any(|e| e.name == "Ana Lima"));
    assert_eq!(lib.entities(None, 1).unwrap().len(), 1);
}

#[test]
fn new_articles_show_up_after_the_last_seen_id() {
    let dir = Dir::new("since");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let seen = lib.max_id().unwrap();
    let other = Library::open(&dir.lib()).unwrap();
    let version = lib.data_version().unwrap();
    add(
        &other,
        vec![article("d.txt", "Late news", "Something happened.")],
    );
    assert_ne!(lib.data_version().unwrap(), version);
    let new = lib
        .headlines(&Filter {
            after: Some(seen),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].title, "Late news");
}

#[test]
fn an_older_analysis_is_redone_lazily_and_reindexed() {
    let dir = Dir::new("reanalyse");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    assert!(lib.needing_analysis(10).unwrap().is_empty());
    let id = lib.max_id().unwrap();
    // Pretend article `id` was stored by an older byline whose analysis found "Old Name".
    lib.conn
        .execute("UPDATE articles SET analysed = 'old' WHERE id = ?1", [id])
        .unwrap();
    lib.conn
        .execute(
            "UPDATE analyses SET version = 'old' WHERE hash = (SELECT hash FROM articles WHERE id = ?1)",
            [id],
        )
        .unwrap();
    assert_eq!(lib.needing_analysis(10).unwrap(), [id]);
    let stored = lib.article(id).unwrap().unwrap();
    assert_eq!(stored.analysis, None);
    let mut analysis = analysis::analyze(&stored.article);
    analysis.entities.push(Entity {
        id: "old-name".into(),
        kind: EntityKind::Person,
        name: "Zebedee Quux".into(),
        role: None,
        mentions: vec![Span::new(0, 1)].into(),
    });
    lib.store_analysis(id, &analysis).unwrap();
    assert!(lib.needing_analysis(10).unwrap().is_empty());
    assert_eq!(lib.article(id).unwrap().unwrap().analysis, Some(analysis));
    assert_eq!(
        lib.articles_mentioning(&person("Zebedee Quux")).unwrap(),
        [id]
    );
    let found = lib
        .headlines(&Filter {
            query: Some(Query::Words("zebedee".into())),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    // The index is not doubled by re-indexing.
    assert_eq!(
        lib.entity(&person("Kenji Watanabe"))
            .unwrap()
            .unwrap()
            .articles,
        2
    );
    let old: i64 = lib
        .conn
        .query_row(
            "SELECT count(*) FROM analyses WHERE version = 'old'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old, 0);
}

#[test]
fn prune_keeps_starred_and_recent_articles() {
    let dir = Dir::new("prune");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let ids = ids(&lib);
    assert_eq!(lib.prune(Duration::from_secs(3600)).unwrap().removed, 0);
    lib.set_starred(ids[1], true).unwrap();
    let s = lib.prune(Duration::ZERO).unwrap();
    assert_eq!(s.removed, 2);
    let left = lib.headlines(&Filter::default()).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, ids[1]);
    assert!(
        lib.articles_mentioning(&person("Kenji Watanabe"))
            .unwrap()
            .is_empty()
    );
    assert!(
        lib.entities(Some(EntityKind::Person), 10)
            .unwrap()
            .iter()
            .all(|e| e.name != "Kenji Watanabe")
    );
    let found = lib
        .headlines(&Filter {
            query: Some(Query::Words("bridge".into())),
            ..Filter::default()
        })
        .unwrap();
    assert!(found.is_empty());
    lib.check().unwrap();
    let counts: (i64, i64) = lib
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM bodies), (SELECT count(*) FROM analyses)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(counts, (1, 1));
    // Ids are never reused.
    add(&lib, vec![article("e.txt", "New", "Fresh text.")]);
    assert!(lib.max_id().unwrap() > ids[2]);
}

#[test]
fn samples_are_imported_once_into_an_empty_library() {
    let dir = Dir::new("samples");
    let lib = Library::open(&dir.lib()).unwrap();
    let added = samples::ensure_samples(&lib).unwrap();
    assert!(
        matches!(added, Some(n) if n >= samples::SAMPLES.len()),
        "{added:?}"
    );
    let n = lib.counts().unwrap().articles;
    assert_eq!(added, Some(n));
    assert_eq!(samples::ensure_samples(&lib).unwrap(), None);
    lib.prune(Duration::ZERO).unwrap();
    assert_eq!(samples::ensure_samples(&lib).unwrap(), None);
    assert_eq!(lib.counts().unwrap().articles, 0);

    let dir = Dir::new("samples-own");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    assert_eq!(samples::ensure_samples(&lib).unwrap(), None);
    assert_eq!(lib.counts().unwrap().articles, 3);
}

#[test]
fn the_built_in_samples_are_the_samples_folder() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let built_in: Vec<&str> = samples::SAMPLES.iter().map(|(n, _)| *n).collect();
    assert_eq!(on_disk, built_in);
    for (name, bytes) in samples::SAMPLES {
        assert_eq!(std::fs::read(dir.join(name)).unwrap(), *bytes, "{name}");
    }
}

#[test]
fn the_path_comes_from_the_flag_then_the_environment() {
    let flag = Path::new("/x/lib.sqlite");
    assert_eq!(resolve_path(Some(flag)).as_deref(), Some(flag));
    if std::env::var_os(ENV_VAR).is_none() {
        let d = default_path();
        assert!(
            d.as_ref()
                .is_none_or(|p| p.ends_with("byline/library.sqlite")),
            "{d:?}"
        );
    }
}

#[test]
fn what_the_library_gives_back_is_clean_even_if_the_file_was_edited() {
    let dir = Dir::new("tampered");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let id = lib.max_id().unwrap();
    lib.conn
        .execute(
            "UPDATE articles SET headline = 'Evil \x1b]0;pwned\x07 title' WHERE id = ?1",
            [id],
        )
        .unwrap();
    lib.conn
        .execute(
            "UPDATE bodies SET text = 'Head\n\nBody \x1b[31mred\x1b[0m text.', \
             blocks = '[{\"kind\":\"paragraph\",\"start\":0,\"end\":9999}]' WHERE id = ?1",
            [id],
        )
        .unwrap();
    let h = lib.headlines(&Filter::default()).unwrap();
    let title = &h.iter().find(|h| h.id == id).unwrap().title;
    assert!(
        !title.contains('\x1b') && !title.contains('\x07'),
        "{title:?}"
    );
    let s = lib.article(id).unwrap().unwrap();
    assert!(!s.article.text.contains('\x1b'), "{:?}", s.article.text);
    assert!(!s.article.headline.contains('\x1b'));
    assert!(
        s.article
            .blocks
            .iter()
            .all(|b| b.span.end <= s.article.text.len())
    );
    assert_eq!(s.analysis, None, "the old analysis no longer fits");
    // An untouched article comes back exactly as stored.
    let first = lib.article(h[0].id).unwrap().unwrap();
    assert!(first.analysis.is_some());
}

#[test]
fn a_full_disk_is_a_clear_error_and_keeps_what_was_committed() {
    let dir = Dir::new("full");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    // SQLite reports SQLITE_FULL when the file may not grow past max_page_count, as it does
    // when the disk is full.
    let pages: i64 = lib
        .conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    lib.conn
        .pragma_update(None, "max_page_count", pages + 2)
        .unwrap();
    let many: Vec<Article> = (0..200)
        .map(|i| {
            article(
                &format!("{i}.txt"),
                &format!("Story number {i}"),
                &format!("Minister Ana Lima spoke about item {i}. ").repeat(40),
            )
        })
        .collect();
    let prepared: Vec<Prepared> = many.into_iter().map(Prepared::new).collect();
    let err = lib.add(&prepared).unwrap_err();
    assert!(matches!(err, Error::Full { .. }), "{err:?}");
    assert!(err.to_string().contains("library.sqlite"), "{err}");
    assert!(err.to_string().contains("disk is full"), "{err}");
    assert_eq!(lib.counts().unwrap().articles, 3);
    lib.check().unwrap();
}

#[test]
fn rows_written_as_json_by_an_older_byline_are_still_read() {
    let dir = Dir::new("json-rows");
    let lib = Library::open(&dir.lib()).unwrap();
    three(&lib);
    let before = lib.article(1).unwrap().unwrap();
    let analysis = before.analysis.clone().unwrap();
    assert!(!analysis.entities.is_empty());
    // What byline wrote before the binary form: JSON text in both columns.
    lib.conn
        .execute(
            "UPDATE analyses SET analysis = ?1 WHERE hash = (SELECT hash FROM articles WHERE id = 1)",
            [serde_json::to_string(&analysis).unwrap()],
        )
        .unwrap();
    lib.conn
        .execute(
            "UPDATE bodies SET blocks = ?1 WHERE id = 1",
            [serde_json::to_string(&before.article.blocks).unwrap()],
        )
        .unwrap();
    let kind: String = lib
        .conn
        .query_row("SELECT typeof(blocks) FROM bodies WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, "text");
    assert_eq!(lib.article(1).unwrap().unwrap(), before);
    // A value that is neither is an analysis to redo, and blocks that cannot be read a clear
    // error naming the article.
    lib.conn
        .execute("UPDATE analyses SET analysis = x'b70105'", [])
        .unwrap();
    assert_eq!(lib.article(2).unwrap().unwrap().analysis, None);
    lib.conn
        .execute("UPDATE bodies SET blocks = x'b701ff' WHERE id = 3", [])
        .unwrap();
    let err = lib.article(3).unwrap_err().to_string();
    assert!(err.contains("article 3: unreadable blocks"), "{err}");
}

#[test]
fn entities_sharing_a_key_are_one_index_row_and_a_later_role_is_kept() {
    let dir = Dir::new("entity-rows");
    let lib = Library::open(&dir.lib()).unwrap();
    let entity = |name: &str, role: Option<&str>, mentions: usize| Entity {
        id: name.to_lowercase().replace(' ', "-").into(),
        kind: EntityKind::Person,
        name: name.into(),
        role: role.map(Into::into),
        mentions: vec![Span::new(0, 3); mentions].into(),
    };
    let with = |file: &str, headline: &str, entities: Vec<Entity>| {
        Prepared::with_analysis(
            article(file, headline, "Some text about people."),
            Analysis {
                entities,
                quotes: Vec::new(),
            },
        )
    };
    // In one batch (one transaction, so the second and third article find the entity's id
    // already looked up): first without a role, then twice under one key, with a role.
    let batch = [
        with("a.txt", "One", vec![entity("Ana Lima", None, 2)]),
        with(
            "b.txt",
            "Two",
            vec![
                entity("Ana Lima", None, 1),
                entity("ANA LIMA", Some("union leader"), 3),
            ],
        ),
        with(
            "c.txt",
            "Three",
            vec![entity("Ana Lima", Some("minister"), 1)],
        ),
    ];
    assert_eq!(lib.add(&batch).unwrap(), (3, 0));
    let e = lib.entity(&person("Ana Lima")).unwrap().unwrap();
    assert_eq!(e.name, "Ana Lima");
    assert_eq!(e.role.as_deref(), Some("union leader"));
    assert_eq!((e.articles, e.mentions), (3, 7));
    let counts: Vec<i64> = {
        let mut s = lib
            .conn
            .prepare("SELECT count FROM mentions ORDER BY article")
            .unwrap();
        s.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(counts, [2, 4, 1]);
    // Both spellings are in the search row.
    let found = lib
        .headlines(&Filter {
            query: Some(Query::Words("lima".into())),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 3);
    // A later batch (a new transaction) finds the entity again.
    assert_eq!(
        lib.add(&[with("d.txt", "Four", vec![entity("Ana Lima", None, 5)])])
            .unwrap(),
        (1, 0)
    );
    let e = lib.entity(&person("Ana Lima")).unwrap().unwrap();
    assert_eq!((e.articles, e.mentions), (4, 12));
    lib.check().unwrap();
}
