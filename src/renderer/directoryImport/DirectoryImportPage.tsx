import { Stepper, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { RouteOutput } from '../../shared/api/contract';
import {
  importDefaults,
  type ImportDefaults,
  type ImportedTable,
  type ImportPlan,
  type SheetMapping,
} from '../../shared/api/directoryImport';
import { invoke } from '../api/client';
import { usePageTitle } from '../app/usePageTitle';
import { readAsBase64 } from '../conventions/attachmentFile';
import { PageHeader } from '../components/PageHeader';
import { todoChanged } from '../todo/todoEvents';
import { FileStep } from './FileStep';
import { fileProblem, mappingsOf } from './mapping';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ResultStep } from './ResultStep';

/** The picked file, kept in memory only until the import is done (each step sends it again). */
interface Picked {
  fileName: string;
  size: number;
  contentBase64: string | null;
}

type Busy = 'read' | 'preview' | 'run' | null;

const STEPS = { file: 0, mapping: 1, preview: 2, done: 3 } as const;

/**
 * « Importer un annuaire »: a coordinator's spreadsheet of structures and Promeneurs, in four
 * steps: the file, its columns, the preview of every row, the import (all or nothing). A
 * refusal comes back as a French message shown in the step; nothing is written before the
 * last one.
 */
export function DirectoryImportPage() {
  usePageTitle('Importer un annuaire');
  const [params] = useSearchParams();
  const back =
    params.get('depuis') === 'promeneurs'
      ? { to: '/promeneurs', label: 'Promeneurs du Net' }
      : { to: '/structures', label: 'Structures' };

  const [step, setStep] = useState<number>(STEPS.file);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [table, setTable] = useState<ImportedTable | null>(null);
  const [sheets, setSheets] = useState<SheetMapping[]>([]);
  const [defaults, setDefaults] = useState<ImportDefaults>(() => importDefaults.parse({}));
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [outcome, setOutcome] = useState<RouteOutput<'directoryImport.run'> | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  const goTo = (next: number) => {
    setError(null);
    setStep(next);
  };

  const start = () => {
    setPicked(null);
    setTable(null);
    setPlan(null);
    setOutcome(null);
    goTo(STEPS.file);
  };

  const read = async (file: File) => {
    setTable(null);
    setPlan(null);
    setError(null);
    setPicked({ fileName: file.name, size: file.size, contentBase64: null });
    const problem = fileProblem(file);
    if (problem) return setError(problem);
    setBusy('read');
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await invoke('directoryImport.read', { fileName: file.name, contentBase64 });
      if (!result.ok) return setError(result.error.message);
      setPicked({ fileName: file.name, size: file.size, contentBase64 });
      setTable(result.value);
      setSheets(mappingsOf(result.value));
    } catch {
      setError(`« ${file.name} » n’a pas pu être lu.`);
    } finally {
      setBusy(null);
    }
  };

  const input = () =>
    picked?.contentBase64
      ? { fileName: picked.fileName, contentBase64: picked.contentBase64, sheets, defaults }
      : null;

  const preview = async () => {
    const body = input();
    if (!body) return;
    setError(null);
    setBusy('preview');
    const result = await invoke('directoryImport.preview', body);
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setPlan(result.value);
    goTo(STEPS.preview);
  };

  const run = async () => {
    const body = input();
    if (!body) return;
    setError(null);
    setBusy('run');
    const result = await invoke('directoryImport.run', body);
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setOutcome(result.value);
    // The file's rows are not needed any more: drop them from memory.
    setPicked((p) => p && { ...p, contentBase64: null });
    setTable(null);
    setPlan(null);
    todoChanged();
    goTo(STEPS.done);
  };

  // A changed mapping or default makes the preview stale: it is asked again.
  const changeSheets = (next: SheetMapping[]) => {
    setSheets(next);
    setPlan(null);
  };
  const changeDefaults = (next: ImportDefaults) => {
    setDefaults(next);
    setPlan(null);
  };

  const canGoBackTo = (target: number) => busy === null && outcome === null && target < step;

  return (
    <>
      <PageHeader
        title="Importer un annuaire"
        back={back}
        meta={
          <Text c="dimmed" size="sm">
            Structures et Promeneurs du Net depuis votre tableau Excel ou CSV.
          </Text>
        }
      />
      <Stepper
        active={step}
        onStepClick={(target) => canGoBackTo(target) && goTo(target)}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label="Fichier" description="Choisir le tableau">
          <FileStep
            picked={picked}
            table={table}
            reading={busy === 'read'}
            error={error}
            onPick={(file) => void read(file)}
            onNext={() => goTo(STEPS.mapping)}
          />
        </Stepper.Step>
        <Stepper.Step label="Colonnes" description="Les faire correspondre">
          {table && (
            <MappingStep
              table={table}
              sheets={sheets}
              defaults={defaults}
              previewing={busy === 'preview'}
              error={error}
              onSheets={changeSheets}
              onDefaults={changeDefaults}
              onBack={() => goTo(STEPS.file)}
              onPreview={() => void preview()}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label="Aperçu" description="Vérifier ligne par ligne">
          {plan && (
            <PreviewStep
              plan={plan}
              withSheet={sheets.filter((s) => s.role !== 'ignore').length > 1}
              running={busy === 'run'}
              error={error}
              onBack={() => goTo(STEPS.mapping)}
              onRun={() => void run()}
            />
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {outcome && picked && (
            <ResultStep fileName={picked.fileName} outcome={outcome} onAnother={start} />
          )}
        </Stepper.Completed>
      </Stepper>
    </>
  );
}
