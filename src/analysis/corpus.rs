//! Links the entities of many articles: the same person in two articles is one corpus entity.
