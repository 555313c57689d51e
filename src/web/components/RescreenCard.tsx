import { placesInWords } from '../bodymap/places';
import type { TodayT } from '../api/client';
import { Link } from '../lib/router';

/**
 * Before any plan: pain newly reached a leg at a check-in that did not ask the leg questions (the server's
 * `today.rescreen`). A few questions first, on the check-in screen, then today's plan.
 */
export function RescreenCard({ rescreen }: { rescreen: TodayT['rescreen'] }) {
  if (!rescreen.needed) return null;
  return (
    <section className="card tone-gentle rescreen" aria-labelledby="rescreen-title" data-testid="rescreen">
      <h2 id="rescreen-title">Please answer a few questions first</h2>
      <p>
        You marked new pain in {placesInWords(rescreen.regions)}. Pain that travels into a leg usually settles, but a few signs need a doctor quickly. Answer a few short
        questions about your legs, and then we’ll show today’s plan.
      </p>
      <Link to="/check-in" className="button secondary">
        Answer the leg questions
      </Link>
    </section>
  );
}
