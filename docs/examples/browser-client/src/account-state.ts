// Who is signed in, as the last answer that carried the user told: shown in #account-state, and the words the
// change-password meter counts as known (the gateway counts the same ones).
import { element } from "./page";

export interface AccountUser {
  username: string;
  email: string;
  displayName: string;
  emailVerified: boolean;
  secondFactorEnabled: boolean;
}

let user: AccountUser | null = null;

export function signedInUser(): AccountUser | null {
  return user;
}

/** The user of the new session, from an answer that selected it; null: nobody is signed in. */
export function setUser(signedIn: AccountUser | null): void {
  user = signedIn;
  const yesNo = (value: boolean) => (value ? "yes" : "no");
  element("state-user", HTMLElement).textContent = user ? `${user.username} (${user.email})` : "nobody";
  element("state-email-verified", HTMLElement).textContent = user ? yesNo(user.emailVerified) : "unknown";
  element("state-second-factor", HTMLElement).textContent = user
    ? (user.secondFactorEnabled ? "on (login asks for a code)" : "off")
    : "unknown";
}

/** What an answer without the user says changed (confirmTotp, disableTotp); nothing while nobody is signed in. */
export function changeUser(change: Partial<AccountUser>): void {
  if (user) setUser({ ...user, ...change });
}
