import { COMPLIANCE_CHECK_MONTHS } from '../../shared/domain/directory';
import { addMonths, todayInParis } from '../../shared/rules/dates';

/** A profile check is due when it never happened or is older than COMPLIANCE_CHECK_MONTHS. */
export function complianceCheckDue(checkedOn: string | null, today = todayInParis()): boolean {
  return !checkedOn || addMonths(checkedOn, COMPLIANCE_CHECK_MONTHS) <= today;
}
