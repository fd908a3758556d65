//! Entities across the corpus: reads every article's entities from the database, resolves
//! them into one entity per referent (kroniek-nlp's `resolve_corpus`, optionally with a user
//! knowledge base), and stores the result in the `entities` and `entity_links` tables.

use crate::db::CorpusDb;
use crate::StoreError;
use kroniek_nlp::entities::resolve::{resolve_corpus, ArticleEntities, KnowledgeBase};
use kroniek_nlp::{ArticleEntity, EntityType};
use rusqlite::params;
use serde::Serialize;

/// One corpus entity as listed.
#[derive(Clone, Debug, Serialize)]
pub struct ListedEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    pub mentions: i64,
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// Which entities to list.
#[derive(Clone, Debug, Default)]
pub struct EntityFilter {
    /// PER, ORG, LOC or MISC.
    pub kind: Option<String>,
    /// Only entities of this article (id or doc).
    pub article: Option<String>,
}

impl CorpusDb {
    /// Whether the corpus entities are older than the articles (or were never resolved).
    pub fn entities_outdated(&self) -> Result<bool, StoreError> {
        let resolved: Option<String> = self.meta("entities_resolved_through")?;
        Ok(resolved.and_then(|r| r.parse::<i64>().ok()) != Some(self.max_rowid()?))
    }

    /// Resolves all article entities into corpus entities and stores them (replacing the
    /// previous resolution). Returns the number of corpus entities.
    pub fn resolve_entities(&mut self, knowledge_base: Option<&KnowledgeBase>) -> Result<usize, StoreError> {
        let (rowids, ids, dates, per_article) = self.load_article_entities()?;
        let articles: Vec<ArticleEntities> = (0..rowids.len())
            .map(|i| ArticleEntities { article: &ids[i], date: dates[i].as_deref(), entities: &per_article[i] })
            .collect();
        let resolution = resolve_corpus(&articles, knowledge_base);
        let through = self.max_rowid()?;
        let path = self.path().to_path_buf();
        let err = |e| StoreError::db(&path, e);
        let tx = self.connection().transaction().map_err(err)?;
        tx.execute_batch("DELETE FROM entity_links; DELETE FROM entities;").map_err(err)?;
        {
            let mut insert = tx
                .prepare("INSERT INTO entities (number, id, name, type, aliases, roles, mentions, articles, first_seen, last_seen, from_knowledge_base) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .map_err(err)?;
            for (number, e) in resolution.entities.iter().enumerate() {
                insert
                    .execute(params![
                        number as i64,
                        e.id,
                        e.name,
                        e.kind.as_str(),
                        serde_json::to_string(&e.aliases).unwrap_or_default(),
                        serde_json::to_string(&e.roles).unwrap_or_default(),
                        e.mentions as i64,
                        e.articles as i64,
                        e.first_seen,
                        e.last_seen,
                        e.from_knowledge_base
                    ])
                    .map_err(err)?;
            }
            let mut link = tx.prepare("INSERT INTO entity_links (article, local, entity) VALUES (?1, ?2, ?3)").map_err(err)?;
            for (a, links) in resolution.links.iter().enumerate() {
                for (local, entity) in links.iter().enumerate() {
                    link.execute(params![rowids[a], local as i64, *entity as i64]).map_err(err)?;
                }
            }
        }
        tx.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('entities_resolved_through', ?1)", [through.to_string()])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(resolution.entities.len())
    }

    #[allow(clippy::type_complexity)]
    fn load_article_entities(&self) -> Result<(Vec<i64>, Vec<String>, Vec<Option<String>>, Vec<Vec<ArticleEntity>>), StoreError> {
        let mut statement = self
            .connection_ref()
            .prepare(
                "SELECT a.rowid, a.id, a.date, e.name, e.type, e.aliases, e.roles, e.mentions FROM article_entities e \
                 JOIN articles a ON a.rowid = e.article ORDER BY a.rowid, e.local",
            )
            .map_err(|e| StoreError::db(self.path(), e))?;
        let mut rows = statement.query([]).map_err(|e| StoreError::db(self.path(), e))?;
        let (mut rowids, mut ids, mut dates, mut entities): (Vec<i64>, Vec<String>, Vec<Option<String>>, Vec<Vec<ArticleEntity>>) =
            Default::default();
        while let Some(row) = rows.next().map_err(|e| StoreError::db(self.path(), e))? {
            let read = || -> rusqlite::Result<(i64, String, Option<String>, ArticleEntity)> {
                let aliases: String = row.get(5)?;
                let roles: String = row.get(6)?;
                let kind: String = row.get(4)?;
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    ArticleEntity {
                        name: row.get(3)?,
                        kind: EntityType::parse(&kind).unwrap_or(EntityType::MISC),
                        aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                        roles: serde_json::from_str(&roles).unwrap_or_default(),
                        mentions: row.get::<_, i64>(7)? as usize,
                    },
                ))
            };
            let (rowid, id, date, entity) = read().map_err(|e| StoreError::db(self.path(), e))?;
            if rowids.last() != Some(&rowid) {
                rowids.push(rowid);
                ids.push(id);
                dates.push(date);
                entities.push(Vec::new());
            }
            entities.last_mut().expect("pushed above").push(entity);
        }
        Ok((rowids, ids, dates, entities))
    }

    /// Corpus entities by mentions, most first.
    pub fn list_entities(&self, filter: &EntityFilter) -> Result<Vec<ListedEntity>, StoreError> {
        let mut sql = String::from(
            "SELECT DISTINCT e.id, e.name, e.type, e.aliases, e.roles, e.mentions, e.articles, e.first_seen, e.last_seen FROM entities e",
        );
        let mut values: Vec<String> = Vec::new();
        if let Some(article) = &filter.article {
            let Some(found) = self.find_article(article)? else { return Ok(Vec::new()) };
            sql += " JOIN entity_links l ON l.entity = e.number WHERE l.article = ?1";
            values.push(found.rowid.to_string());
        } else {
            sql += " WHERE 1 = 1";
        }
        if let Some(kind) = &filter.kind {
            values.push(kind.to_uppercase());
            sql += &format!(" AND e.type = ?{}", values.len());
        }
        sql += " ORDER BY e.mentions DESC, e.name";
        let mut statement = self.connection_ref().prepare(&sql).map_err(|e| StoreError::db(self.path(), e))?;
        let rows = statement
            .query_map(rusqlite::params_from_iter(values.iter()), |row| {
                let aliases: String = row.get(3)?;
                let roles: String = row.get(4)?;
                Ok(ListedEntity {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    kind: row.get(2)?,
                    aliases: serde_json::from_str(&aliases).unwrap_or_default(),
                    roles: serde_json::from_str(&roles).unwrap_or_default(),
                    mentions: row.get(5)?,
                    articles: row.get(6)?,
                    first_seen: row.get(7)?,
                    last_seen: row.get(8)?,
                })
            })
            .map_err(|e| StoreError::db(self.path(), e))?;
        rows.collect::<Result<_, _>>().map_err(|e| StoreError::db(self.path(), e))
    }
}
