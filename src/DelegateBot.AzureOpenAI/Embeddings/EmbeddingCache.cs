using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace DelegateBot.AzureOpenAI.Embeddings;

/// <summary>
/// Passage vectors in a SQLite file, keyed by hash(deployment + passage text): an unchanged passage is never
/// embedded twice, across re-indexing and restarts; another deployment gets its own vectors.
/// </summary>
public sealed class EmbeddingCache : IDisposable
{
    private readonly SqliteConnection _db;
    private readonly Lock _gate = new();
    private bool _disposed;

    public EmbeddingCache(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        _db.Open();
        using var create = _db.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vector BLOB NOT NULL)";
        create.ExecuteNonQuery();
    }

    public static string Key(string deployment, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deployment + "\0" + text)));

    public float[]? Get(string key)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT vector FROM embeddings WHERE key = $key";
            cmd.Parameters.AddWithValue("$key", key);
            return cmd.ExecuteScalar() is byte[] blob ? MemoryMarshal.Cast<byte, float>(blob).ToArray() : null;
        }
    }

    public void Put(IEnumerable<(string Key, float[] Vector)> items)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var tx = _db.BeginTransaction();
            using var cmd = _db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO embeddings (key, vector) VALUES ($key, $vector)";
            var key = cmd.Parameters.Add("$key", SqliteType.Text);
            var vector = cmd.Parameters.Add("$vector", SqliteType.Blob);
            foreach (var (k, v) in items)
            {
                key.Value = k;
                vector.Value = MemoryMarshal.AsBytes(v.AsSpan()).ToArray();
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>Under the lock, so a background embedding run never writes to a closed connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _db.Dispose();
        }
    }
}
