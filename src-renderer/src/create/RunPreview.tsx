// The next runs of an expression, in the server's zone and the local one side by side.
import { formatWithZone, localZone, needsSeconds } from '../common/time';

export function RunPreview({ runs, serverZone, caption }: { runs: Date[]; serverZone: string; caption: string }) {
  if (runs.length === 0) return <p className="muted">No upcoming runs.</p>;
  const showLocal = localZone !== serverZone;
  const seconds = { seconds: needsSeconds(runs) };
  return (
    <table className="run-preview">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Server ({serverZone})</th>
          {showLocal && <th scope="col">Local ({localZone})</th>}
        </tr>
      </thead>
      <tbody>
        {runs.map((run, i) => (
          <tr key={run.getTime()}>
            <td className="muted">{i + 1}</td>
            <td>{formatWithZone(run, serverZone, seconds)}</td>
            {showLocal && <td>{formatWithZone(run, localZone, seconds)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
