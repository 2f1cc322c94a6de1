// The audit log of writes sent from this computer.
import { z } from 'zod';
import type { AuditEntry } from '../../domain';
import { channel } from '../define';
import { id } from '../schemas';

export const auditChannels = {
  'audit:list': channel(z.object({ profileId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict()).returns<AuditEntry[]>(),
};
