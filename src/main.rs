//! `mentorbook`: parse the command line, run the command, map the outcome to an exit code
//! (0 success, 1 rule violations, 2 could not run).

use clap::Parser;
use mentorbook::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    purge_freed_memory_at_once();
    let cli = Cli::parse();
    match mentorbook::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// mimalloc: a rebuild of a large program allocates and frees hundreds of thousands of small
/// values, and with the system allocator malloc and free were a fifth of `serve`'s rebuild
/// (perf). Measured at 5,000 relationships, one save until the page shows it: 0.61 s and
/// 319 MiB with glibc's malloc, 0.44 s and 289 MiB with mimalloc (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc 3 keeps freed memory for a second before it returns it to the system (its
/// `purge_delay`), which left `serve` at 379 MiB; returned at once, the peak is 289 MiB and a
/// rebuild barely slower. `mi_option_purge_delay` is 15 in mimalloc 3's `mi_option_e`
/// (`include/mimalloc.h`); libmimalloc-sys names the options around it but not this one.
fn purge_freed_memory_at_once() {
    const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    const _: () = assert!(MI_OPTION_PURGE_DELAY == libmimalloc_sys::mi_option_use_numa_nodes - 1);
    // SAFETY: mi_option_set only stores a value in mimalloc's option table; any option
    // index and value are accepted, and mimalloc reads options under its own locking.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
}
