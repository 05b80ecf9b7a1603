/** The slicing of long work (shared/slices.ts), where the report's modules have always found it. */
export * from '../slices';
