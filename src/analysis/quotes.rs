//! Finds quotations (direct, partial, scare, reported) and attributes them to speakers.

use super::{Entity, Quote};
use crate::article::Article;

pub fn extract(_article: &Article, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
