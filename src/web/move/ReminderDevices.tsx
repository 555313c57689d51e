import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { longDate } from '../lib/dates';
import { devicesWords, otherDeviceWords, REACH_WORDS, testSentWords } from '../words/move';
import { NotifyExplain } from './NotifyExplain';
import { readReach, turnOffReminders, type DeviceReach } from './pushDevice';
import './move.css';

type Reach = Awaited<ReturnType<typeof readReach>>;

/**
 * Settings: whether reminders reach this device when Unclench is closed (and the way to turn them on), the
 * person's devices with a "Turn off" for each, and a test reminder sent at once.
 */
export function ReminderDevices() {
  const [reach, setReach] = useState<Reach | null>(null);
  const [failed, setFailed] = useState(false);
  const [version, setVersion] = useState(0);
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState<'test' | 'off' | null>(null);

  useEffect(() => {
    let cancelled = false;
    readReach().then(
      (value) => {
        if (!cancelled) {
          setReach(value);
          setFailed(false);
        }
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  const reread = () => setVersion((v) => v + 1);
  const act = async (what: 'test' | 'off', run: () => Promise<string>) => {
    setBusy(what);
    setSaid(null);
    try {
      setSaid(await run());
    } catch {
      setSaid(REACH_WORDS.failed);
    } finally {
      setBusy(null);
      reread();
    }
  };
  const turnOff = (id: string) => act('off', async () => (await turnOffReminders(id), REACH_WORDS.turnedOff));
  const test = () => act('test', async () => testSentWords((await api.pushTest()).devices));

  return (
    <div className="reminder-devices" role="group" aria-labelledby="reach-title">
      <h3 id="reach-title">{REACH_WORDS.title}</h3>
      {failed ? <p className="hint">{REACH_WORDS.unread}</p> : null}
      {reach ? (
        <>
          <p className="reach-here">{hereWords(reach.reach)}</p>
          {reach.reach === 'off' ? <NotifyExplain onTurnedOn={reread} /> : null}
          {reach.devices.length === 0 ? (
            <p className="hint">{REACH_WORDS.none}</p>
          ) : (
            <>
              <p>{devicesWords(reach.devices.length)}</p>
              <ul className="device-list">
                {reach.devices.map((d) => {
                  const here = d.id === reach.thisId && reach.reach === 'on';
                  const name = here ? REACH_WORDS.thisDevice : otherDeviceWords(longDate(d.createdAt.slice(0, 10)));
                  return (
                    <li key={d.id}>
                      <span>{name}</span>{' '}
                      <button type="button" className="link-button" disabled={busy !== null} onClick={() => void turnOff(d.id)} aria-label={here ? REACH_WORDS.turnOffHere : `${REACH_WORDS.turnOff}: ${name}`}>
                        {here ? REACH_WORDS.turnOffHere : REACH_WORDS.turnOff}
                      </button>
                    </li>
                  );
                })}
              </ul>
              <button type="button" className="button secondary" disabled={busy !== null} onClick={() => void test()}>
                {busy === 'test' ? REACH_WORDS.testSending : REACH_WORDS.test}
              </button>
            </>
          )}
        </>
      ) : null}
      <p className="saved-note" role="status">
        {said ?? ''}
      </p>
    </div>
  );
}

function hereWords(reach: DeviceReach): string {
  return { on: REACH_WORDS.on, off: REACH_WORDS.off, blocked: REACH_WORDS.blocked, unsupported: REACH_WORDS.unsupported }[reach];
}
