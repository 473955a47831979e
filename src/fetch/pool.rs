//! Fetching many feeds at once, a bounded number at a time, each failure its own result.

use super::{Client, FeedFetch, FetchError, Validators, fetch_feed};
use std::sync::atomic::{AtomicUsize, Ordering};

/// One feed to fetch, with the validators stored from its last fetch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedJob {
    pub url: String,
    pub validators: Validators,
}

/// Fetches every job on up to `parallel` threads (at least 1, at most the number of jobs).
/// `done(i, result)` is called once per job, from the worker thread that fetched it, as soon
/// as it is done (send it down a channel to show progress); a failure never stops the others.
/// Returns when every job is done: at most about the client's deadline per job divided among
/// the threads.
pub fn fetch_feeds(
    client: &Client,
    jobs: &[FeedJob],
    parallel: usize,
    done: impl Fn(usize, Result<FeedFetch, FetchError>) + Sync,
) {
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                break;
            };
            done(i, fetch_feed(client, &job.url, &job.validators));
        }
    };
    let threads = parallel.clamp(1, jobs.len().max(1));
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
}
