export function roundsSource(): string;
