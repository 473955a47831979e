//! Reading the library: counts, headline lists (with filters and full-text search) and single
//! articles, cleaned for the terminal on the way out.

use super::codec;
use super::{
    ANALYSER_VERSION, ArticleId, Counts, Error, Filter, Headline, Library, Order, Query, Result,
    Stored, kind_name, to_usize,
};
use crate::article::Article;
use rusqlite::types::ValueRef;
use rusqlite::{OptionalExtension, params};

impl Library {
    /// The largest article id so far (0 for an empty library); list with
    /// `Filter { after: Some(id), .. }` later to get what arrived since.
    pub fn max_id(&self) -> Result<ArticleId> {
        self.conn
            .query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))
    }

    pub fn counts(&self) -> Result<Counts> {
        self.conn
            .query_row(
                "SELECT count(*), coalesce(sum(NOT read), 0), coalesce(sum(starred), 0) \
                 FROM articles",
                [],
                |r| {
                    Ok(Counts {
                        articles: to_usize(r.get(0)?),
                        unread: to_usize(r.get(1)?),
                        starred: to_usize(r.get(2)?),
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// The headlines `filter` selects, without loading any text: in id order, or with a query
    /// as `filter.order` says.
    pub fn headlines(&self, filter: &Filter) -> Result<Vec<Headline>> {
        let fts = filter.query.as_ref().and_then(Query::to_fts);
        let mut sql = String::from(
            "SELECT a.id, a.headline, a.date, a.source, a.outlet, a.read, a.starred FROM ",
        );
        sql.push_str(if fts.is_some() {
            "search JOIN articles a ON a.id = search.rowid"
        } else {
            "articles a"
        });
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut conds: Vec<&str> = Vec::new();
        if let Some(q) = &fts {
            conds.push("search MATCH ?");
            args.push(q.clone().into());
        }
        if let Some(key) = &filter.entity {
            conds.push(
                "a.id IN (SELECT m.article FROM mentions m JOIN entities e ON e.id = m.entity \
                 WHERE e.kind = ? AND e.key = ?)",
            );
            args.push(kind_name(key.kind).to_string().into());
            args.push(key.name.clone().into());
        }
        if filter.unread_only {
            conds.push("NOT a.read");
        }
        if filter.starred_only {
            conds.push("a.starred");
        }
        if let Some(after) = filter.after {
            conds.push("a.id > ?");
            args.push(after.into());
        }
        for (i, c) in conds.iter().enumerate() {
            sql.push_str(if i == 0 { " WHERE " } else { " AND " });
            sql.push_str(c);
        }
        sql.push_str(if fts.is_some() && filter.order == Order::Relevance {
            " ORDER BY bm25(search, 10.0, 1.0, 3.0, 3.0), a.id"
        } else if fts.is_some() {
            " ORDER BY search.rowid"
        } else {
            " ORDER BY a.id"
        });
        if let Some(limit) = filter.limit {
            sql.push_str(" LIMIT ?");
            args.push(i64::try_from(limit).unwrap_or(i64::MAX).into());
        }
        let run = || -> rusqlite::Result<Vec<Headline>> {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let rows = stmt.query_map(
                rusqlite::params_from_iter(args.iter()),
                super::reader::headline_of,
            )?;
            rows.collect()
        };
        run().map_err(|e| match (&filter.query, &fts) {
            // With quoted words nothing can be a syntax error; with raw FTS5 syntax any
            // generic error is the query's.
            (Some(Query::Fts(q)), Some(_))
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) =>
            {
                Error::Query {
                    query: q.clone(),
                    detail: match &e {
                        rusqlite::Error::SqliteFailure(_, Some(m)) => m.clone(),
                        _ => e.to_string(),
                    },
                }
            }
            _ => self.err(e),
        })
    }

    /// One article with its text, blocks, state and (when cached for this analyser version)
    /// analysis; `None` when there is no such id (pruned, say).
    pub fn article(&self, id: ArticleId) -> Result<Option<Stored>> {
        type Row = (Stored, Vec<u8>, Option<Vec<u8>>);
        let row: Option<Row> = self
            .conn
            .prepare_cached(
                "SELECT a.source, a.headline, a.byline, a.dateline, a.date, a.outlet, a.url, \
                        b.text, b.blocks, a.read, a.starred, a.added, an.analysis \
                 FROM articles a JOIN bodies b ON b.id = a.id \
                 LEFT JOIN analyses an ON an.hash = a.hash AND an.version = ?2 \
                 WHERE a.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row(params![id, ANALYSER_VERSION], |r| {
                    Ok((
                        Stored {
                            id,
                            article: Article {
                                source: r.get(0)?,
                                headline: r.get(1)?,
                                byline: r.get(2)?,
                                dateline: r.get(3)?,
                                date: r.get(4)?,
                                outlet: r.get(5)?,
                                url: r.get(6)?,
                                text: r.get(7)?,
                                blocks: Vec::new(),
                                published: None,
                            },
                            analysis: None,
                            read: r.get(9)?,
                            starred: r.get(10)?,
                            added: r.get(11)?,
                        },
                        bytes(r.get_ref(8)?).unwrap_or_default(),
                        bytes(r.get_ref(12)?),
                    ))
                })
                .optional()
            })
            .map_err(|e| self.err(e))?;
        let Some((mut stored, blocks, analysis)) = row else {
            return Ok(None);
        };
        stored.article.blocks = codec::decode_blocks(&blocks).ok_or_else(|| Error::Damaged {
            path: self.path.clone(),
            detail: format!("article {id}: unreadable blocks"),
        })?;
        // An unreadable cached analysis is one to redo, not an error.
        stored.analysis = analysis.and_then(|a| codec::decode_analysis(&a));
        stored.article.understand_date();
        Ok(Some(safe(stored)))
    }
}

/// A stored analysis or blocks value: binary (this byline) or JSON text (older ones).
fn bytes(v: ValueRef<'_>) -> Option<Vec<u8>> {
    match v {
        ValueRef::Blob(b) | ValueRef::Text(b) => Some(b.to_vec()),
        _ => None,
    }
}

/// A span that lies inside `text` on character boundaries.
fn span_fits(text: &str, span: &crate::article::Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// What was stored came through the parser, so it is clean; but the file may have been edited
/// by something else. Text that is not clean, or blocks that do not fit it, are parsed again
/// from the stored text (as plain text), and an analysis whose spans do not fit is dropped (to
/// be redone): what the reader shows from the library is as safe as what it shows from files.
fn safe(mut s: Stored) -> Stored {
    use crate::article::sanitize::{clean, clean_inline};
    let text = &s.article.text;
    let fits = |span: &crate::article::Span| span_fits(text, span);
    let clean_text = matches!(clean(text), std::borrow::Cow::Borrowed(_));
    if !clean_text || !s.article.blocks.iter().all(|b| fits(&b.span)) {
        let source = s.article.source.clone();
        let parsed = crate::article::parse(&source, s.article.text.as_bytes());
        s.article = parsed.articles.into_iter().next().unwrap_or_default();
        s.article.source = source;
        s.analysis = None;
    }
    let text = &s.article.text;
    let fits = |span: &crate::article::Span| span_fits(text, span);
    if let Some(a) = &s.analysis {
        let ok = a.entities.iter().all(|e| e.mentions.iter().all(fits))
            && a.quotes
                .iter()
                .all(|q| fits(&q.span) && q.speaker_span.as_ref().is_none_or(fits));
        if !ok {
            s.analysis = None;
        }
    }
    let a = &mut s.article;
    for field in [&mut a.source, &mut a.headline] {
        *field = clean_inline(field);
    }
    for field in [
        &mut a.byline,
        &mut a.dateline,
        &mut a.date,
        &mut a.outlet,
        &mut a.url,
    ]
    .into_iter()
    .flatten()
    {
        *field = clean_inline(field);
    }
    s
}
