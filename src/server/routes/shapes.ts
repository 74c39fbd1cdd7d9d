// /shapes: the SHACL shapes in use as one graph, in Turtle, JSON-LD or N-Triples (Accept or ?format=). Read once, when the app is built, by the validator's own reader.
import type { Request, Response } from 'express';
import { allFormats } from '../../formats/registry.js';
import { writeNTriples, writeTurtle } from '../../formats/turtle.js';
import type { ServerContext } from '../context.js';
import { sendError } from '../errors.js';
import { writeGraphJsonLd } from '../graph-jsonld.js';
import { chooseFormat, negotiatorFor } from '../../http/negotiate.js';
import { prepare, send, type Prepared } from '../../http/send.js';
import { readShapesDir } from '../../validate/shapes-dir.js';

const SHAPE_FORMATS = allFormats().filter((f) => ['turtle', 'jsonld', 'ntriples'].includes(f.key));
const pick = negotiatorFor(SHAPE_FORMATS);

export function shapesHandler(ctx: ServerContext) {
  const quads = readShapesDir(ctx.shapesDir);
  const loadedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const cache = new Map<string, Promise<Prepared>>();
  return async (req: Request, res: Response): Promise<void> => {
    const choice = chooseFormat(req.query.format, req.headers.accept, SHAPE_FORMATS, pick);
    if (!('format' in choice)) {
      const offers = SHAPE_FORMATS.map((f) => ({ label: f.label, mediaType: f.mediaType, url: `/shapes?format=${f.key}` }));
      return sendError(req, res, choice.status, `${choice.message} The shapes are available as:`, offers);
    }
    const format = choice.format;
    let p = cache.get(format.key);
    if (!p) {
      p = (async () => {
        const body = format.key === 'turtle' ? writeTurtle(quads) : format.key === 'ntriples' ? writeNTriples(quads) : await writeGraphJsonLd(quads);
        return prepare({ body, mediaType: format.mediaType, lastModified: loadedAt, maxAge: ctx.maxAge });
      })();
      cache.set(format.key, p);
    }
    return send(req, res, await p);
  };
}
