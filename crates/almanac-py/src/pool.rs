//! The threads that extract a batch: one rayon pool per process, made on first use.
//!
//! Spark's Python workers, `multiprocessing` with the `fork` start method and gunicorn-style
//! servers fork a process that may already have used the module. A fork copies memory but
//! only the thread that called it: a pool inherited from the parent has no threads in the
//! child, and work handed to it would wait forever. So the pool is created lazily and
//! remembers the process that created it; a call from another process (a forked child)
//! makes a new pool. The parent's pool is then forgotten rather than dropped, because
//! dropping it would signal threads that do not exist, through locks that the fork may have
//! copied in a locked state. This is also why the module never uses rayon's global pool.
//!
//! The pool has `RAYON_NUM_THREADS` threads if that is set (read when the pool is made),
//! else one per core the process may run on.

use std::sync::{Arc, Mutex, PoisonError};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::Error;

/// The pool and the id of the process that made it.
static POOL: Mutex<Option<(u32, Arc<ThreadPool>)>> = Mutex::new(None);

/// The pool of this process, made if this process has none yet.
pub fn pool() -> Result<Arc<ThreadPool>, Error> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = &*slot {
        if *owner == pid {
            return Ok(Arc::clone(pool));
        }
    }
    if let Some(inherited) = slot.take() {
        std::mem::forget(inherited);
    }
    let pool = ThreadPoolBuilder::new()
        .thread_name(|idx| format!("almanac-{idx}"))
        .build()
        .map_err(|err| Error::ThreadPool(err.to_string()))?;
    let pool = Arc::new(pool);
    *slot = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}

/// How many threads this process's pool has (made if need be).
pub fn n_threads() -> Result<usize, Error> {
    Ok(pool()?.current_num_threads())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pool_per_process() {
        let first = pool().unwrap();
        let second = pool().unwrap();
        assert!(Arc::ptr_eq(&first, &second));
        assert!(first.current_num_threads() >= 1);
    }
}
