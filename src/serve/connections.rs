//! The open connections, kept so that no client can hold the preview for the others: at most
//! `limit` are open at once, and a new one makes room by closing the one that has been quiet
//! longest (an idle keep-alive connection, or one that never sent a request); a connection on
//! which no byte has moved either way for `quiet` — a client that stopped reading its answers,
//! or went away without closing — is closed. Each connection's socket is wrapped in
//! [`Watched`], which notes when a byte last moved.

use std::collections::HashMap;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::task::AbortHandle;

pub struct Connections {
    started: Instant,
    limit: usize,
    quiet: Duration,
    next: AtomicU64,
    open: Mutex<HashMap<u64, Open>>,
}

/// One open connection: when a byte last moved on it, and how to close it.
struct Open {
    last_moved: Arc<AtomicU64>,
    close: Option<AbortHandle>,
}

/// A connection's place among the open ones, given up when dropped.
pub struct Slot {
    id: u64,
    connections: Arc<Connections>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.connections.table().remove(&self.id);
    }
}

impl Connections {
    pub fn new(limit: usize, quiet: Duration) -> Arc<Connections> {
        Arc::new(Connections {
            started: Instant::now(),
            limit: limit.max(1),
            quiet,
            next: AtomicU64::new(0),
            open: Mutex::new(HashMap::new()),
        })
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Open>> {
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes a new connection in, closing the quietest one first if all places are taken.
    pub fn open<S>(self: &Arc<Self>, stream: S) -> (Watched<S>, Slot) {
        let last_moved = Arc::new(AtomicU64::new(millis(self.started)));
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let mut table = self.table();
        while table.len() >= self.limit {
            let quietest = table
                .iter()
                .min_by_key(|(_, open)| open.last_moved.load(Ordering::Relaxed))
                .map(|(id, _)| *id);
            let Some(quietest) = quietest else { break };
            if let Some(close) = table.remove(&quietest).and_then(|open| open.close) {
                close.abort();
            }
        }
        let open = Open {
            last_moved: Arc::clone(&last_moved),
            close: None,
        };
        table.insert(id, open);
        let watched = Watched {
            stream,
            started: self.started,
            last_moved,
        };
        let slot = Slot {
            id,
            connections: Arc::clone(self),
        };
        (watched, slot)
    }

    /// How to close the connection in `slot`, once its task is running.
    pub fn closes_with(&self, slot: u64, close: AbortHandle) {
        if let Some(open) = self.table().get_mut(&slot) {
            open.close = Some(close);
        }
    }

    /// Closes, every second, the connections that have been quiet too long; runs forever.
    pub async fn sweep(self: Arc<Self>) {
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            let quiet = self.quiet.as_millis() as u64;
            let now = millis(self.started);
            self.table().retain(|_, open| {
                let idle = now.saturating_sub(open.last_moved.load(Ordering::Relaxed)) > quiet;
                if let (true, Some(close)) = (idle, &open.close) {
                    close.abort();
                }
                !idle
            });
        }
    }
}

impl Slot {
    pub fn id(&self) -> u64 {
        self.id
    }
}

fn millis(since: Instant) -> u64 {
    since.elapsed().as_millis() as u64
}

/// A socket that notes when a byte last moved on it.
pub struct Watched<S> {
    stream: S,
    started: Instant,
    last_moved: Arc<AtomicU64>,
}

impl<S> Watched<S> {
    fn moved(&self) {
        self.last_moved
            .store(millis(self.started), Ordering::Relaxed);
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Watched<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.moved();
        }
        polled
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.moved();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.moved();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}
