import { useParams } from 'react-router-dom';

/** The record id of a path such as /structures/12, or null when it is not a valid id. */
export function useRecordId(): number | null {
  const { id } = useParams();
  const n = Number(id);
  return Number.isInteger(n) && n > 0 ? n : null;
}
