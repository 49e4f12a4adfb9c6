import { createContext, useContext } from 'react';

/** The project of the chat on screen: permission cards save rules there. */
export const ChatProjectContext = createContext<string | null>(null);

export const useChatProject = () => useContext(ChatProjectContext);
