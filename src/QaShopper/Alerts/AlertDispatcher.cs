using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Alerts;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;

namespace QaShopper.Alerts;

/// <summary>
/// Sends alerts off the call's path: <see cref="CallScored"/> only queues a call that needs one (a failed critical
/// item or a fail grade, <see cref="AlertRule"/>), and this service delivers it through every configured channel,
/// recording each delivery, or its failure, in the <see cref="IAlertLog"/>. A channel that is down is logged and
/// recorded, never retried in a loop and never felt by the call. Alerts still queued when the host stops are sent
/// before it does (each bounded by <c>Alerts:Timeout</c>).
/// </summary>
internal sealed partial class AlertDispatcher(
    IEnumerable<IAlertChannel> channels,
    IAlertLog log,
    IOptions<AlertOptions> options,
    TimeProvider clock,
    ILogger<AlertDispatcher> logger) : BackgroundService, ICallScoredNotifier
{
    /// <summary>More alerts than this waiting means every channel is stuck; the newest are dropped and logged.</summary>
    private const int QueueLimit = 1000;

    private readonly Channel<AlertMessage> queue = Channel.CreateBounded<AlertMessage>(new BoundedChannelOptions(QueueLimit) { SingleReader = true });
    private readonly IAlertChannel[] enabled = [.. channels.Where(c => c.Enabled)];

    public void CallScored(CallRecord callRecord, CallScore score)
    {
        try
        {
            if (enabled.Length == 0)
            {
                return;
            }

            var reasons = AlertRule.ReasonsFor(score);
            if (reasons.Count == 0)
            {
                return;
            }

            if (!queue.Writer.TryWrite(AlertMessage.From(callRecord, score, reasons)))
            {
                Dropped(logger, callRecord.CallId);
            }
        }
        catch (Exception ex)
        {
            // Nothing about an alert may fail the call it is about.
            NotQueued(logger, callRecord.CallId, ex);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Read to the end of the queue rather than to the stop signal, so alerts queued before the stop still go.
        await foreach (var message in queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var channel in enabled)
            {
                await DeliverAsync(channel, message).ConfigureAwait(false);
            }
        }
    }

    private async Task DeliverAsync(IAlertChannel channel, AlertMessage message)
    {
        string? error = null;
        using (var timeout = new CancellationTokenSource(options.Value.Timeout, clock))
        {
            try
            {
                await channel.SendAsync(message, timeout.Token).ConfigureAwait(false);
                Sent(logger, channel.Name, message.CallId);
            }
            catch (Exception ex)
            {
                error = ex is OperationCanceledException ? $"no answer within {options.Value.Timeout.TotalSeconds:0.#} s" : ex.Message;
                NotSent(logger, channel.Name, message.CallId, error);
            }
        }

        try
        {
            await log.RecordAsync(new AlertRecord(message.CallId, message.Reason, channel.Name, clock.GetUtcNow(), error is null, error), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            NotRecorded(logger, channel.Name, message.CallId, ex);
        }
    }

    [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "Alert about call {CallId} sent by {Channel}")]
    private static partial void Sent(ILogger logger, string channel, string callId);

    [LoggerMessage(EventId = 4161, Level = LogLevel.Warning, Message = "Alert about call {CallId} not sent by {Channel}: {Error}")]
    private static partial void NotSent(ILogger logger, string channel, string callId, string error);

    [LoggerMessage(EventId = 4162, Level = LogLevel.Error, Message = "Alert about call {CallId} by {Channel} could not be recorded")]
    private static partial void NotRecorded(ILogger logger, string channel, string callId, Exception exception);

    [LoggerMessage(EventId = 4163, Level = LogLevel.Warning, Message = "Alert about call {CallId} dropped: the alert queue is full (are the channels down?)")]
    private static partial void Dropped(ILogger logger, string callId);

    [LoggerMessage(EventId = 4164, Level = LogLevel.Error, Message = "Alert about call {CallId} could not be queued")]
    private static partial void NotQueued(ILogger logger, string callId, Exception exception);
}
