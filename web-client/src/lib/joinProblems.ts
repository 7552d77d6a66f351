// A refused join or sign-in, said in the student's words, beside the one field it is about.
import { ApiError } from './api/client';
import { messageOf } from './submission.svelte';

export type JoinField = 'code' | 'login' | 'password' | 'email' | 'form';

export interface FieldProblem {
  field: JoinField;
  message: string;
}

/** Which field a refused join is about and what to tell the student, with `invite` saying which code they typed. */
export function joinProblem(error: unknown, invite: boolean): FieldProblem {
  if (!(error instanceof ApiError)) return { field: 'form', message: messageOf(error) };
  const field = error.problem?.errors?.[0]?.field;
  if (error.status === 0) return { field: 'form', message: error.message };
  if (error.status === 429)
    return { field: 'form', message: 'Too many attempts from here. Wait a few minutes, then try again.' };
  const said = error.problem?.errors?.[0]?.message ?? '';
  if (field === 'inviteCode' && /GitHub/.test(said)) return { field: 'code', message: error.problem?.detail ?? said };
  if (field === 'joinCode' || field === 'inviteCode' || (error.status === 403 && !field)) {
    return invite
      ? {
          field: 'code',
          message:
            'That invite code does not work: it may be mistyped, used already, or replaced by a newer one. Ask your instructor for a new invite.',
        }
      : { field: 'code', message: 'That join code does not open this course. Check it with your instructor.' };
  }
  if (error.status === 409) {
    return invite
      ? { field: 'login', message: 'This login has joined already: sign in with it instead.' }
      : {
          field: 'login',
          message:
            'This login has an account already. If your instructor put you on the roster, choose "A personal invite code" and enter the code from your invite; otherwise sign in.',
        };
  }
  if (field === 'login') return { field: 'login', message: 'That is not a GitHub login.' };
  if (field === 'password') {
    return { field: 'password', message: 'Choose a password of 10 characters or more (at most 72 bytes).' };
  }
  if (field === 'email') return { field: 'email', message: 'That is not an email address.' };
  return { field: 'form', message: error.problem?.detail ?? error.message };
}
