/** Fluent Field props showing an API sentence as the field's error (announced with the field). */
export function errorProps(message: string | undefined) {
  return message
    ? ({ validationMessage: message, validationState: 'error' } as const)
    : ({ validationState: 'none' } as const);
}
