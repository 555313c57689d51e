// The floor of bench/api: a bare Fastify hello world in its own process (no plugins, no logging), and the same
// server taking the check-in the load generator sends (parsed and echoed, nothing checked or stored).
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
app.put('/api/v1/episodes/:id/check-ins/:checkInId', async (request) => ({ id: request.params.checkInId, ...request.body }));
const url = await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
