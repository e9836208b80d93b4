using System.Threading.Channels;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.DirectLine;

/// <summary>One stored activity: its place in the conversation (the watermark counts these) and its JSON as clients see it.</summary>
public sealed record StoredActivity(long Sequence, string Id, string Json);

/// <summary>
/// A Direct Line conversation held in memory: the activity log clients read by watermark, the queue of user
/// activities waiting for the bot, and the signals that wake open WebSockets. Thread-safe.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly object _gate = new();
    private readonly List<StoredActivity> _log = [];
    private readonly int _maxActivities;
    private readonly List<Action> _listeners = [];
    private readonly CancellationTokenSource _ended = new();
    private long _lastSequence;
    private int _openStreams;

    internal DirectLineConversation(string id, ChannelAccount user, int maxActivities, int maxPending, DateTimeOffset now)
    {
        Id = id;
        User = user;
        _maxActivities = maxActivities;
        LastUsed = now;
        // Single reader: the conversation's delivery loop hands activities to the bot one at a time, in order.
        ToBot = Channel.CreateBounded<Activity>(new BoundedChannelOptions(maxPending) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public string Id { get; }

    /// <summary>The user the conversation belongs to (the token's user).</summary>
    public ChannelAccount User { get; }

    /// <summary>The locale the client asked for when starting the conversation, if any.</summary>
    public string? Locale { get; init; }

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>True while a WebSocket is open: such a conversation is in use even when nobody speaks.</summary>
    public bool HasOpenStreams { get { lock (_gate) return _openStreams > 0; } }

    internal Channel<Activity> ToBot { get; }

    /// <summary>Cancelled when the store forgets the conversation: its delivery loop and WebSockets then stop.</summary>
    public CancellationToken Ended => _ended.Token;

    internal void End()
    {
        ToBot.Writer.TryComplete();
        _ended.Cancel();
    }

    /// <summary>The activity id for a sequence number, in the hosted service's "conversation|0000001" form.</summary>
    public string ActivityIdFor(long sequence) => $"{Id}|{sequence:D7}";

    public void Touch(DateTimeOffset now)
    {
        lock (_gate) if (now > LastUsed) LastUsed = now;
    }

    /// <summary>Appends an activity; <paramref name="render"/> gets the new sequence and id and returns the stored JSON.</summary>
    public StoredActivity Append(Func<long, string, string> render)
    {
        StoredActivity stored;
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            var id = ActivityIdFor(sequence);
            stored = new StoredActivity(sequence, id, render(sequence, id));
            _log.Add(stored);
            if (_log.Count > _maxActivities) _log.RemoveRange(0, _log.Count - _maxActivities);
        }
        Notify();
        return stored;
    }

    /// <summary>
    /// Replaces an activity (the bot's update): it moves to the end under a new watermark so that pollers and
    /// streams see it again; it keeps its id (Web Chat replaces the activity with that id in place).
    /// </summary>
    public StoredActivity? Replace(string id, Func<StoredActivity, string> render)
    {
        StoredActivity? replaced;
        lock (_gate)
        {
            var index = _log.FindIndex(a => a.Id == id);
            if (index < 0) return null;
            var old = _log[index];
            _log.RemoveAt(index);
            replaced = new StoredActivity(++_lastSequence, id, render(old));
            _log.Add(replaced);
        }
        Notify();
        return replaced;
    }

    /// <summary>Removes an activity from the log (the bot's delete): later readers no longer get it.</summary>
    public bool Remove(string id)
    {
        lock (_gate) return _log.RemoveAll(a => a.Id == id) > 0;
    }

    public StoredActivity? Find(string id)
    {
        lock (_gate) return _log.Find(a => a.Id == id);
    }

    /// <summary>
    /// Activities after <paramref name="watermark"/> (all when null), at most <paramref name="max"/>,
    /// and the watermark to ask with next time.
    /// </summary>
    public (IReadOnlyList<StoredActivity> Activities, long Watermark) ReadAfter(long? watermark, int max)
    {
        lock (_gate)
        {
            var after = watermark ?? 0;
            var start = _log.FindIndex(a => a.Sequence > after);
            if (start < 0) return ([], Math.Min(after, _lastSequence));
            var page = _log.GetRange(start, Math.Min(max, _log.Count - start));
            return (page, page[^1].Sequence);
        }
    }

    /// <summary>Registers a callback run after each append/replace; dispose the result to stop.</summary>
    public IDisposable Listen(Action onChange)
    {
        lock (_gate)
        {
            _listeners.Add(onChange);
            _openStreams++;
        }
        return new Listener(this, onChange);
    }

    private void Notify()
    {
        Action[] listeners;
        lock (_gate) listeners = [.. _listeners];
        foreach (var listener in listeners) listener();
    }

    private sealed class Listener(DirectLineConversation conversation, Action callback) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            lock (conversation._gate)
            {
                conversation._listeners.Remove(callback);
                conversation._openStreams--;
            }
        }
    }
}
