// The account's open sessions (each login, signup or second-factor sign-in), and ending one of them.
import { executeSignedIn, session } from "../api";
import { setUser } from "../account-state";
import { graphql } from "../gql";
import { element, onClick, run } from "../page";

const SessionsQuery = graphql(`query Sessions { sessions { id device clientAddress createdAt lastUsedAt expiresAt current } }`);
const EndSessionMutation = graphql(`mutation EndSession($id: ID!) { endSession(id: $id) }`);

interface SessionRow {
  id: string; device: string; clientAddress: string; createdAt: string; lastUsedAt: string; expiresAt: string;
  current: boolean;
}

/** Device and address come from request headers anyone can write: shown as text only, never as markup. */
function showSessions(sessions: readonly SessionRow[]): void {
  element("sessions-list", HTMLTableSectionElement).replaceChildren(...sessions.map((open) => {
    const row = document.createElement("tr");
    row.dataset.id = open.id;
    if (open.current) row.dataset.current = "true";
    for (const text of [open.device || "(unknown)", open.clientAddress, open.createdAt, open.lastUsedAt,
      open.expiresAt, open.current ? "this one" : ""]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const end = document.createElement("button");
    end.type = "button";
    end.className = "session-end";
    end.textContent = "End";
    end.addEventListener("click", () => run("Session ended", async () => {
      const body = await executeSignedIn(EndSessionMutation, { id: open.id });
      if (body.data?.endSession) {
        row.remove();
        // Ending this page's own session signs it out: its access token no longer works.
        if (open.current) {
          session.accessToken = null;
          setUser(null);
        }
      }
      return body;
    }, element("sessions-status", HTMLElement)));
    const cell = document.createElement("td");
    cell.append(end);
    row.append(cell);
    return row;
  }));
}

export function bindSessions(): void {
  onClick("sessions-list-button", "Sessions", async () => {
    const body = await executeSignedIn(SessionsQuery, {});
    showSessions(body.data?.sessions ?? []);
    return body;
  }, "sessions-status");
}
