using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NextRouteHandlers.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BenchApp;

/// <summary>
/// What an app that exports telemetry with the OpenTelemetry SDK runs (built only with
/// <c>-p:BenchOpenTelemetry=true</c>, so that the other figures measure an app without the SDK in its binary):
/// ASP.NET Core's instrumentation for traces and metrics, plus the library's source and meters; every span sampled,
/// batched and handed to an exporter that reads each span's attributes as a serializer would and sends nothing,
/// metrics collected every second the same way.
/// </summary>
internal static class OpenTelemetryPipeline
{
    /// <summary>
    /// Adds the SDK for <c>BENCH_TELEMETRY=otel</c> (library and ASP.NET Core) or <c>=otel-aspnetcore</c>; with
    /// <c>=otel-spans</c> or <c>=otel-meters</c> only the library's spans or only its meters beside ASP.NET Core's.
    /// </summary>
    public static void AddTo(WebApplicationBuilder builder, string? mode)
    {
        if (mode is not ("otel" or "otel-aspnetcore" or "otel-spans" or "otel-meters")) return;
        var librarySpans = mode is "otel" or "otel-spans";
        var libraryMeters = mode is "otel" or "otel-meters";
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation();
                if (librarySpans) tracing.AddSource(RouteHandlerTelemetry.ActivitySourceName);
                // A queue large enough and a delay short enough that no span is dropped at this load: every one is read.
                tracing.AddProcessor(new BatchActivityExportProcessor(new ReadingSpanExporter(), maxQueueSize: 65_536, scheduledDelayMilliseconds: 200, maxExportBatchSize: 4_096));
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation();
                if (libraryMeters) metrics.AddMeter([.. RouteHandlerTelemetry.MeterNames]);
                metrics.AddReader(new PeriodicExportingMetricReader(new ReadingMetricExporter(), exportIntervalMilliseconds: 1_000));
            });
    }

    private sealed class ReadingSpanExporter : BaseExporter<Activity>
    {
        private long _read;

        public override ExportResult Export(in Batch<Activity> batch)
        {
            foreach (var activity in batch)
            {
                _read += activity.DisplayName.Length;
                foreach (var tag in activity.TagObjects) _read += tag.Key.Length + (tag.Value?.ToString()?.Length ?? 0);
            }

            return ExportResult.Success;
        }
    }

    private sealed class ReadingMetricExporter : BaseExporter<Metric>
    {
        private double _read;

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    _read += metric.MetricType is MetricType.Histogram ? point.GetHistogramSum() : 0;
                    foreach (var tag in point.Tags) _read += tag.Key.Length;
                }
            }

            return ExportResult.Success;
        }
    }
}
