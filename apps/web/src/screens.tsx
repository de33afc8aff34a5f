import type { ComponentType } from 'react';
import { Chair } from './Chair';
import { Teller } from './Teller';
import { Projector } from './Projector';
import { Secretary } from './Secretary';
import { Soc } from './Soc';
import { Monitor } from './Monitor';
import { Setup } from './Setup';
import { PaperBallotsScreen } from './tellers/PaperBallotsScreen';
import { StewardScreen } from './steward/StewardScreen';

/** The role screens by path segment (/c/:conferenceId/<screen>, and /projector/:conferenceId). */
export const SCREENS: Record<string, ComponentType<{ conferenceId: string }>> = {
  chair: Chair,
  teller: Teller,
  projector: Projector,
  secretary: Secretary,
  soc: Soc,
  monitor: Monitor,
  setup: Setup,
  papers: PaperBallotsScreen,
  steward: StewardScreen,
};
