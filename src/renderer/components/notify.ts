import { notifications } from '@mantine/notifications';
import type { AppError } from '../../shared/result';

/** A failed action: its French message, in red, until the person closes it or 8 s pass. */
export function notifyError(error: AppError | string, title = 'Action impossible'): void {
  notifications.show({
    color: 'red',
    title,
    message: typeof error === 'string' ? error : error.message,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 4000 });
}
