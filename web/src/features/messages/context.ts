import { createContext, useContext } from 'react';
import type { Message } from '../../api/types';
import type { ResultRef } from './thread';

export interface ThreadContextValue {
  sessionId: string;
  results: Map<string, ResultRef>;
  children: Map<string, Message[]>;
  /** A live turn still running: a tool call without its result yet is running, not "without result". */
  running?: boolean;
}

export const ThreadContext = createContext<ThreadContextValue>({
  sessionId: '',
  results: new Map(),
  children: new Map(),
});

export const useThread = () => useContext(ThreadContext);
