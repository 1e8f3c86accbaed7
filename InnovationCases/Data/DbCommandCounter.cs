using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnovationCases.Data;

/// <summary>
/// Counts the database commands the app sends. Costs one interlocked add per command; lets tests and
/// benchmarks prove that a change costs the same number of reads however many pages watch it.
/// <see cref="Count"/> is every command of the process; <see cref="Measure"/> counts only the commands
/// of one piece of work and of what it sets off on its own flow (a move, its publish after the commit
/// and the reads of the pages it updates), not the background jobs that run meanwhile (the notification
/// fan-out, the outbox dispatcher, the listener of another instance's changes).
/// </summary>
public sealed class DbCommandCounter : DbCommandInterceptor
{
    // Flows with the ExecutionContext: into awaits, Task.Run and the handlers a publish calls, never
    // into a background service's loop that merely wakes up because of the work.
    private static readonly AsyncLocal<Tally?> Current = new();

    private long _commands;

    public long Count => Interlocked.Read(ref _commands);

    /// <summary>
    /// Starts counting the commands of the calling flow: everything awaited or started from here until
    /// the tally is disposed. Work that outlives the scope (a page that renders later) is still counted
    /// on the tally, so read it once that work is done.
    /// </summary>
    public Tally Measure()
    {
        var tally = new Tally();
        Current.Value = tally;
        return tally;
    }

    private void Add()
    {
        Interlocked.Increment(ref _commands);
        if (Current.Value is { } tally)
        {
            tally.Add();
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Add();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Add();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Add();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add();
        return ValueTask.FromResult(result);
    }

    /// <summary>The commands of one measured flow (<see cref="Measure"/>).</summary>
    public sealed class Tally : IDisposable
    {
        private long _commands;

        public long Count => Interlocked.Read(ref _commands);

        internal void Add() => Interlocked.Increment(ref _commands);

        /// <summary>Stops counting new work of the calling flow; work already started keeps its tally.</summary>
        public void Dispose()
        {
            if (Current.Value == this)
            {
                Current.Value = null;
            }
        }
    }
}
