namespace FunctionApp.App.Api;

/// <summary>
/// <c>POST /api/form</c> with <c>name</c> and <c>qty</c>: form values are strings; <c>form.Get&lt;int&gt;("qty")</c>
/// converts and, when it cannot, answers 400 with a message saying which field is wrong.
/// </summary>
public static class FormRoute
{
    public static async Task<Response> POST(NextRequest request)
    {
        var form = await request.FormData();
        var order = new Order(form.GetString("name") ?? "anonymous", form.Get<int>("qty"));
        return Response.Json(order, SampleJson.Default.Order, new ResponseInit { Status = 201 });
    }
}
