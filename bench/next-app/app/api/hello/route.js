// GET /api/hello: dynamic (rendered per request), the same small JSON body as bench/Baseline and bench/BenchApp.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ hello: 'world' });
}
