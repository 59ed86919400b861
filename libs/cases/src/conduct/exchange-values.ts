// The exchange format's enumerations are the exchange library's; cases use exactly them.
export * from '@precedent/exchange';
