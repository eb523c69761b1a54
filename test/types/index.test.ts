import { it, expect } from 'vitest';
import * as T from '../../src/types/index.js';
import * as F from '../../src/format/index.js';
it('loads', () => { expect(typeof T.parseSchema).toBe('function'); expect(typeof F.formatShow).toBe('function'); expect(typeof T.canCast).toBe('function'); });
