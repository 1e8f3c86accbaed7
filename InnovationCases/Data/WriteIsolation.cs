namespace InnovationCases.Data;

/// <summary>How a write is isolated on a server database (<see cref="DbWriter"/>); SQLite serializes every write.</summary>
public enum WriteIsolation
{
    /// <summary>SERIALIZABLE: any read-then-write is safe; a conflict fails and is retried.</summary>
    Serializable,

    /// <summary>
    /// READ COMMITTED: the write guards what it reads with row locks itself (a version-checked UPDATE,
    /// <c>SELECT … FOR UPDATE</c>); a write that meets another's lock waits for it instead of failing.
    /// </summary>
    RowLocks,
}
