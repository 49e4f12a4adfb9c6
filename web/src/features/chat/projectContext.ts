import { createContext, useContext } from 'react';

/** The project of the chat on screen: permission cards save rules there. */
export const ChatProjectContext = createContext<string | null>(null);

export const useChatProject = () => useContext(ChatProjectContext);

/** The saved allow rules that apply to the caller's runs in that project (tool cards say which one let a call run). */
export const SavedAllowRulesContext = createContext<{ allow: readonly string[]; reload: () => void }>({ allow: [], reload: () => {} });

export const useSavedAllowRules = () => useContext(SavedAllowRulesContext);
