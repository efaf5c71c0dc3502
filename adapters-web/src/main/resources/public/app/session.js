// Where the login token lives: localStorage when the user asked to stay logged in, else
// sessionStorage (gone with the tab). Never in a URL after it has been read.

const KEY = 'stupy.token';

export function token() {
  return sessionStorage.getItem(KEY) ?? localStorage.getItem(KEY);
}

export function signIn(newToken, remember = true) {
  signOut();
  (remember ? localStorage : sessionStorage).setItem(KEY, newToken);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

export const signedIn = () => token() !== null;

// A guest account is opened by the secret the server issued for it, kept like the token: across
// visits when the user stays logged in, else for this tab. The nickname alone opens nothing.
const GUEST_KEY = 'stupy.guestSecret';

export function guestSecret() {
  return sessionStorage.getItem(GUEST_KEY) ?? localStorage.getItem(GUEST_KEY);
}

export function keepGuestSecret(secret, remember = true) {
  forgetGuestSecret();
  if (secret) (remember ? localStorage : sessionStorage).setItem(GUEST_KEY, secret);
}

export function forgetGuestSecret() {
  sessionStorage.removeItem(GUEST_KEY);
  localStorage.removeItem(GUEST_KEY);
}
