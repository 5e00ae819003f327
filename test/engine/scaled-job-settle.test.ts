/**
 * A ScaledJob's Job takes its messages from the queue as it stands when its container starts,
 * arrivals since the queue's last event included. Before, the queue was read as of its last settle
 * (the last poll, often seconds earlier): a Job took fewer messages than were there and its pickup
 * wait was measured on a stale queue, longer than any message's age ever was.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/engine/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { HTTP_TRIGGER, scaledJobFiles } from '../helpers/scaled-job-scenario.js';
import { withScenarioFolder } from '../scenario/helpers/scenario-folder.js';

describe('a ScaledJob Job takes what is in the queue when it starts', () => {
  it('five messages a Job at 0.2 a second: no pickup waits longer than the oldest message ever was, and every Job finds work', async () => {
    const files = scaledJobFiles({ durationMinutes: 6, arrivalMinutes: 5 });
    files['scenario.yaml'] = files['scenario.yaml']!.replace('messagesPerJob: 1', 'messagesPerJob: 5');
    files['manifests/job.yaml'] = files['manifests/job.yaml']!.replace(HTTP_TRIGGER, HTTP_TRIGGER.replace('value: "1"', 'value: "5"'));
    const { keda } = await withScenarioFolder(files, async (dir) => runScenario(await loadScenario(dir)).summary);
    const [job] = keda.scaledJobs;
    const [queue] = keda.queues;
    expect(queue!.takenMessages).toBe(60);
    // A pickup's wait is the oldest waiting message's age at that instant.
    expect(job!.maxPickupWaitSeconds).toBeLessThanOrEqual(queue!.peakOldestMessageAgeSeconds);
    expect(job!.jobsSucceeded).toBe(job!.jobsCreated);
    expect(job!.messagesProcessed / job!.jobsCreated).toBe(4);
  });
});
