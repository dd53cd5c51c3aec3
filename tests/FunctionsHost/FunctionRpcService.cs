using Grpc.Core;
using NextRouteHandlers.Testing.FunctionsHost.Rpc;

namespace NextRouteHandlers.Testing.FunctionsHost;

/// <summary>The host's gRPC service, which the worker calls once to open its event stream.</summary>
/// <param name="channel">The host's end of that stream.</param>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
