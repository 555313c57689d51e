import type { ReactNode } from 'react';

/** A quiet panel. `tone` changes its accent: `urgent` for see-a-doctor, `gentle` for a suggestion. */
export function Card({ title, tone = 'plain', children, headingLevel = 2, id }: { title?: ReactNode; tone?: 'plain' | 'urgent' | 'gentle' | 'signs'; children: ReactNode; headingLevel?: 2 | 3; id?: string }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={`card tone-${tone}`} id={id} aria-labelledby={title && headingId ? headingId : undefined}>
      {title ? <Heading id={headingId}>{title}</Heading> : null}
      {children}
    </section>
  );
}
