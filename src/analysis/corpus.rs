//! Links the entities of many articles: the same person in two articles is one corpus entity,
//! keyed by kind and normalised full name.

pub use super::normalise::normalise_name;
use super::{Analysis, Entity, EntityKind};
use std::collections::HashMap;

/// The key that links one entity across articles: its kind and normalised name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey {
    pub kind: EntityKind,
    pub name: String,
}

impl EntityKey {
    pub fn of(entity: &Entity) -> Self {
        Self {
            kind: entity.kind,
            name: normalise_name(&entity.name),
        }
    }
}

/// One entity across the corpus: its name as first seen and the articles (indices) that mention it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusEntity {
    pub key: EntityKey,
    pub name: Box<str>,
    pub role: Option<Box<str>>,
    /// Indices into the article list, ascending, without repeats.
    pub articles: Vec<usize>,
    /// Mentions over all articles.
    pub mentions: usize,
}

/// Which articles mention which entity. Built incrementally as analyses arrive.
#[derive(Clone, Debug, Default)]
pub struct CorpusIndex {
    entities: Vec<CorpusEntity>,
    by_key: HashMap<EntityKey, usize>,
}

impl CorpusIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the entities of article `article` (its index in the article list).
    pub fn add(&mut self, article: usize, analysis: &Analysis) {
        for entity in &analysis.entities {
            let key = EntityKey::of(entity);
            let slot = match self.by_key.get(&key) {
                Some(&i) => i,
                None => {
                    self.entities.push(CorpusEntity {
                        key: key.clone(),
                        name: entity.name.clone(),
                        role: entity.role.clone(),
                        articles: Vec::new(),
                        mentions: 0,
                    });
                    self.by_key.insert(key, self.entities.len() - 1);
                    self.entities.len() - 1
                }
            };
            let e = &mut self.entities[slot];
            if let Err(pos) = e.articles.binary_search(&article) {
                e.articles.insert(pos, article);
            }
            e.mentions += entity.mentions.len();
            if e.role.is_none() {
                e.role.clone_from(&entity.role);
            }
        }
    }

    pub fn get(&self, key: &EntityKey) -> Option<&CorpusEntity> {
        self.by_key.get(key).map(|&i| &self.entities[i])
    }

    /// Articles that mention the entity, ascending.
    pub fn articles_with(&self, key: &EntityKey) -> &[usize] {
        self.get(key).map_or(&[], |e| e.articles.as_slice())
    }

    /// Every corpus entity, in the order first seen.
    pub fn entities(&self) -> &[CorpusEntity] {
        &self.entities
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Span;

    fn person(name: &str) -> Entity {
        Entity {
            id: name.to_lowercase().replace(' ', "-").into(),
            kind: EntityKind::Person,
            name: name.into(),
            role: None,
            mentions: vec![Span::new(0, 1)].into(),
        }
    }

    #[test]
    fn same_person_in_two_articles_is_one_corpus_entity() {
        let mut index = CorpusIndex::new();
        let a = Analysis {
            entities: vec![person("Bashar al-Assad")],
            quotes: vec![],
        };
        let b = Analysis {
            entities: vec![person("Bashar al Assad"), person("John Kerry")],
            quotes: vec![],
        };
        index.add(0, &a);
        index.add(2, &b);
        let key = EntityKey::of(&person("Bashar Al-Assad"));
        assert_eq!(index.articles_with(&key), &[0, 2]);
        assert_eq!(index.entities().len(), 2);
        assert_eq!(
            index.articles_with(&EntityKey::of(&person("Nobody"))),
            &[] as &[usize]
        );
    }
}
