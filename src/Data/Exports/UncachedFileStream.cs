using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Admin.Data.Exports;

/// <summary>
/// A file written once, front to back, that must not push the database's pages out of the OS page cache: a 20M-row
/// export is ~6 GB, more than the table, and on a host PostgreSQL shares it evicted the heap the next export (or any
/// query) reads (measured: the same export ran at 297k rows/s warm, 78k rows/s after the previous file had evicted it).
/// Behind the writer, each window written is handed to the disk at once (sync_file_range) and, a few windows later,
/// waited for and dropped from the cache (posix_fadvise DONTNEED): at most ~Lag windows of the file are cached at a
/// time, and the writer waits only when the disk falls that far behind. Best effort, Linux only; elsewhere a plain file.
/// </summary>
internal sealed class UncachedFileStream : Stream
{
    private const int Lag = 8;
    private readonly long _window;
    private const int FadviseDontNeed = 4;
    private const uint SyncWaitBefore = 1, SyncWrite = 2, SyncWaitAfter = 4;

    private readonly FileStream _file;
    private readonly int _fd = -1;
    private long _written, _started, _dropped;
    private bool _disposed;

    /// <param name="window">Bytes between flushes: large enough that the disk writes big runs, small beside the cache.</param>
    public UncachedFileStream(string path, FileMode mode, long window = 32L << 20)
    {
        _window = window;
        _file = new FileStream(path, mode, FileAccess.Write, FileShare.None, 1 << 16);
        _written = _started = _dropped = _file.Position;
        if (OperatingSystem.IsLinux()) _fd = (int)_file.SafeFileHandle.DangerousGetHandle();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _file.Write(buffer);
        Advance(buffer.Length);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _file.WriteAsync(buffer, cancellationToken);
        Advance(buffer.Length);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Advance(int count)
    {
        _written += count;
        if (_fd < 0 || _written - _started < _window) return;
        _file.Flush(); // our buffer to the OS, so the ranges below hold the bytes
        // Start writing the newest window out; wait for and drop the oldest ones only once they are Lag windows behind,
        // so the writer waits for the disk only when the disk falls that far behind.
        SyncFileRange(_fd, _started, _written - _started, SyncWrite);
        _started = _written;
        while (_started - _dropped > Lag * _window)
        {
            SyncFileRange(_fd, _dropped, _window, SyncWaitBefore | SyncWrite | SyncWaitAfter);
            PosixFadvise(_fd, _dropped, _window, FadviseDontNeed);
            _dropped += _window;
        }
    }

    public override void Flush() => _file.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _file.FlushAsync(cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _file.Flush();
            if (_fd >= 0 && _written > _dropped)
            {
                SyncFileRange(_fd, _dropped, _written - _dropped, SyncWaitBefore | SyncWrite | SyncWaitAfter);
                PosixFadvise(_fd, _dropped, _written - _dropped, FadviseDontNeed);
            }
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed) await _file.FlushAsync();
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    public override long Length => _file.Length;
    public override long Position { get => _file.Position; set => throw new NotSupportedException(); }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    [DllImport("libc", EntryPoint = "sync_file_range")]
    private static extern int SyncFileRange(int fd, long offset, long count, uint flags);

    [DllImport("libc", EntryPoint = "posix_fadvise")]
    private static extern int PosixFadvise(int fd, long offset, long length, int advice);
}
